using System.Text;
using AuthClient.Sessions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuthClient.Redis.Internal;

/// <summary>What the Redis services share: the connection (opened once, on first use), key names and the protector.</summary>
internal sealed class RedisContext
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection;

    public RedisContext(Func<Task<IConnectionMultiplexer>> connect, WeavrRedisOptions options, IDataProtector protector, IOptions<WeavrSessionOptions> sessions)
    {
        _connection = new Lazy<Task<IConnectionMultiplexer>>(connect, LazyThreadSafetyMode.ExecutionAndPublication);
        Prefix = options.KeyPrefix;
        Options = options;
        Protector = protector;
        IdleTimeout = sessions.Value.IdleTimeout;
        EarlyEventRetention = sessions.Value.EarlyEventRetention;
    }

    public string Prefix { get; }

    public WeavrRedisOptions Options { get; }

    public IDataProtector Protector { get; }

    public TimeSpan IdleTimeout { get; }

    public TimeSpan EarlyEventRetention { get; }

    public RedisChannel WebhookChannel => RedisChannel.Literal(Prefix + "webhooks");

    public async Task<IDatabase> DatabaseAsync() => (await _connection.Value.ConfigureAwait(false)).GetDatabase();

    public Task<IConnectionMultiplexer> ConnectionAsync() => _connection.Value;

    public RedisKey SessionKey(string userKey) => Prefix + "session:" + userKey;

    public RedisKey StepUpKey(string userKey) => Prefix + "stepup:" + userKey;

    public RedisKey CallRefKey(string callRef) => Prefix + "webhook:" + callRef;

    public RedisKey EarlyEventKey(string id) => Prefix + "early:" + id;

    public byte[] Protect(string text) => Protector.Protect(Encoding.UTF8.GetBytes(text));

    public byte[] Protect(byte[] bytes) => Protector.Protect(bytes);

    public byte[] Unprotect(byte[] protectedBytes) => Protector.Unprotect(protectedBytes);
}
