using AuthClient.Primitives;
using AuthClient.Testing.Internal;

namespace AuthClient.Testing.Transmit;

/// <summary>The Transmit Security side of a <see cref="WeavrSandbox"/>: its URLs, its demo client and helpers to mint user tokens.</summary>
public sealed class SandboxTransmit
{
    private readonly TransmitEngine _engine;

    internal SandboxTransmit(TransmitEngine engine, string serverUrl, string clientId, string clientSecret)
    {
        _engine = engine;
        BaseUrl = serverUrl + "/cis";
        TokenUrl = serverUrl + "/oidc/token";
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    /// <summary>Gets the API base, e.g. <c>http://127.0.0.1:5080/cis</c> (for <c>TransmitOptions.BaseUrl</c>).</summary>
    public string BaseUrl { get; }

    /// <summary>Gets the client-credentials token endpoint at the host root, e.g. <c>http://127.0.0.1:5080/oidc/token</c>.</summary>
    public string TokenUrl { get; }

    /// <summary>Gets the id of the sandbox's Transmit client.</summary>
    public string ClientId { get; }

    /// <summary>Gets the secret of the sandbox's Transmit client (sandbox-only test credential).</summary>
    public string ClientSecret { get; }

    /// <summary>Mints a user access token for <paramref name="userId"/>, as your backend would obtain after a login,
    /// for the calls that need one (<c>/register</c>, <c>/delete</c>).</summary>
    /// <param name="userId">The Transmit user id, e.g. <see cref="SandboxUser.TransmitUserId"/>; an unknown id creates the user.</param>
    /// <returns>The token.</returns>
    public Secret IssueUserToken(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return _engine.IssueUserToken(userId);
    }

    /// <summary>Returns the keys registered for a user.</summary>
    /// <param name="userId">The Transmit user id.</param>
    /// <returns>The keys; empty when none.</returns>
    public IReadOnlyList<SandboxTransmitKey> GetRegisteredKeys(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return _engine.GetKeys(userId);
    }
}
