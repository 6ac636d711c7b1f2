using AuthClient.Http;
using AuthClient.Primitives;

namespace AuthClient.Tests.Support;

/// <summary>An application-wide token source that always answers the same token and counts how often it was asked.</summary>
public sealed class StaticWeavrTokenSource(string? token) : IWeavrTokenSource
{
    public int Calls { get; private set; }

    public ValueTask<Secret?> GetTokenAsync(CancellationToken cancellationToken)
    {
        Calls++;
        return ValueTask.FromResult(Secret.FromNullable(token));
    }
}
