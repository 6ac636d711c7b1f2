namespace AuthClient.Redis.Tests;

/// <summary>
/// A test against the real redis-server named by <c>AUTHCLIENT_REDIS</c> (host:port on 127.0.0.1). Without it the test
/// is skipped locally with a clear message, and fails in CI (<c>CI=true</c>): CI must never pass without Redis.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string Variable = "AUTHCLIENT_REDIS";

    public RedisFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)) && !RedisServer.IsCi)
        {
            Skip = $"No Redis: set {Variable}=127.0.0.1:PORT (a local redis-server) to run this test; .ci/run starts one.";
        }
    }
}
