using Microsoft.AspNetCore.DataProtection;

namespace AuthClient.Redis;

/// <summary>Settings of <c>AddRedis</c>; see <see cref="WeavrRedisDefaults"/> for the defaults.</summary>
public sealed class WeavrRedisOptions
{
    /// <summary>Gets or sets the prefix of every key and channel. Default <c>authclient:</c>.</summary>
    public string KeyPrefix { get; set; } = WeavrRedisDefaults.KeyPrefix;

    /// <summary>
    /// Gets or sets the protector of everything stored or published (snapshots hold tokens; step-up webhooks may hold
    /// an AUTH token). Default: one created from the registered <see cref="IDataProtectionProvider"/> (ASP.NET Core
    /// Data Protection; share its keys across instances the usual way, e.g. <c>PersistKeysToStackExchangeRedis</c>).
    /// </summary>
    public IDataProtector? Protector { get; set; }

    /// <summary>Gets or sets how long a webhook delivery may stay "processing" before a redelivery is handled again
    /// (a crashed instance never marks it done). Default 30 seconds.</summary>
    public TimeSpan ReplayProcessingTimeout { get; set; } = WeavrRedisDefaults.ReplayProcessingTimeout;

    /// <summary>Gets or sets how often an instance waiting for another's step-up checks the lease. Default 10 ms.</summary>
    public TimeSpan StepUpPollInterval { get; set; } = WeavrRedisDefaults.StepUpPollInterval;
}
