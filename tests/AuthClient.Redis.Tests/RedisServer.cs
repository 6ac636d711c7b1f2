using AuthClient.DependencyInjection;
using AuthClient.Sessions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AuthClient.Redis.Tests;

/// <summary>The Redis under test (127.0.0.1 only), one connection per test, each test under its own key prefix.</summary>
internal static class RedisServer
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Address
    {
        get
        {
            var address = Environment.GetEnvironmentVariable(RedisFactAttribute.Variable);
            if (string.IsNullOrWhiteSpace(address))
            {
                throw new InvalidOperationException($"CI=true but {RedisFactAttribute.Variable} is not set: the Redis tests cannot run.");
            }

            if (!address.StartsWith("127.0.0.1:", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{RedisFactAttribute.Variable} must be 127.0.0.1:PORT; tests only talk to 127.0.0.1.");
            }

            return address;
        }
    }

    public static async Task<IConnectionMultiplexer> ConnectAsync()
    {
        var options = ConfigurationOptions.Parse(Address);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 2000;
        options.AllowAdmin = true;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    public static string NewPrefix() => $"test:{Guid.NewGuid():N}:";

    /// <summary>One application instance: its own service provider, sharing Redis and the Data Protection keys.</summary>
    public static ServiceProvider Instance(IConnectionMultiplexer redis, string prefix, TimeProvider? time = null, Action<IServiceCollection>? services = null) =>
        Instance(redis, prefix, time, services, client: null, sessions: null, overrides: null);

    /// <summary>As above, with the AuthClient options edited (e.g. pointed at a sandbox), the session options edited
    /// after the tests' defaults, and services replaced after <c>AddRedis</c> (<paramref name="overrides"/>).</summary>
    public static ServiceProvider Instance(
        IConnectionMultiplexer redis,
        string prefix,
        TimeProvider? time,
        Action<IServiceCollection>? services,
        Action<AuthClientOptions>? client,
        Action<WeavrSessionOptions>? sessions,
        Action<IServiceCollection>? overrides)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        services?.Invoke(collection);
        collection.AddAuthClient(o =>
            {
                o.Weavr.BaseUrl = new Uri("http://127.0.0.1:9/multi");
                o.Weavr.ApiKey = "test-api-key";
                client?.Invoke(o);
            })
            .AddSessions(o =>
            {
                o.StepUpMethod = StepUpMethod.Push; // no front end to type an OTP in most of these tests
                sessions?.Invoke(o);
            })
            .AddWebhooks()
            .AddRedis(redis, o =>
            {
                o.KeyPrefix = prefix;
                o.Protector = Protector;
            });
        overrides?.Invoke(collection);
        return collection.BuildServiceProvider();
    }

    /// <summary>Data Protection with one ephemeral key ring shared by every instance of a test run, as a farm shares its keys.</summary>
    public static readonly IDataProtector Protector = new EphemeralDataProtectionProvider().CreateProtector("AuthClient.Redis.Tests");
}
