namespace AuthClient.Redis;

/// <summary>The default Redis settings, in one place.</summary>
public static class WeavrRedisDefaults
{
    /// <summary>Key and channel prefix: <c>authclient:</c>.</summary>
    public const string KeyPrefix = "authclient:";

    /// <summary>Data Protection purpose of the default protector.</summary>
    public const string ProtectorPurpose = "AuthClient.Redis.v1";

    /// <summary>How long a webhook delivery may stay processing: 30 seconds.</summary>
    public static readonly TimeSpan ReplayProcessingTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How often a waiting instance checks another's step-up lease: 10 ms.</summary>
    public static readonly TimeSpan StepUpPollInterval = TimeSpan.FromMilliseconds(10);
}
