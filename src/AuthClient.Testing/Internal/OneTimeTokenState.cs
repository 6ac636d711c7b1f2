using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Internal;

/// <summary>A one-time token issued by the sandbox: good once, for one identity, until it expires. Guarded by the engine's lock.</summary>
internal sealed class OneTimeTokenState
{
    public required UserState User { get; init; }

    public required IdentityId Identity { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public bool Used { get; set; }
}
