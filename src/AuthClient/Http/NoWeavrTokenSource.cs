using AuthClient.Primitives;

namespace AuthClient.Http;

/// <summary>The default <see cref="IWeavrTokenSource"/>: no application-wide token; each call brings its own.</summary>
public sealed class NoWeavrTokenSource : IWeavrTokenSource
{
    /// <inheritdoc />
    public ValueTask<Secret?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<Secret?>(null);
}
