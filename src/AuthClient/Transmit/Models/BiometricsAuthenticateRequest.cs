using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AuthClient.Transmit.Internal;

namespace AuthClient.Transmit.Models;

/// <summary>
/// The body of <c>POST /v1/auth/mobile-biometrics/authenticate</c>. <see cref="Signature"/>, <see cref="Challenge"/>
/// and <see cref="KeyId"/> are forwarded exactly as the device SDK produced them: Transmit verifies the signature.
/// <see cref="object.ToString"/> never prints the signature.
/// </summary>
public sealed record BiometricsAuthenticateRequest : IBiometricsTokenRequest
{
    /// <summary>Gets the signed challenge returned by the SDK's authentication call.</summary>
    [JsonPropertyName("signature")]
    public required string Signature { get; init; }

    /// <summary>Gets the challenge that was signed.</summary>
    [JsonPropertyName("challenge")]
    public required string Challenge { get; init; }

    /// <summary>Gets the id of the key that signed (the SDK's <c>publicKeyId</c>).</summary>
    [JsonPropertyName("key_id")]
    public required string KeyId { get; init; }

    /// <summary>Gets the Transmit user id.</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>Gets the resource URI the token is for (its <c>aud</c>); it must be configured for the application.</summary>
    [JsonPropertyName("resource")]
    public string? Resource { get; init; }

    /// <summary>Gets an OIDC claims request, e.g. <c>{"id_token":{"roles":null}}</c>.</summary>
    [JsonPropertyName("claims")]
    public JsonElement? Claims { get; init; }

    /// <summary>Gets the organization id (B2B member login).</summary>
    [JsonPropertyName("org_id")]
    public string? OrgId { get; init; }

    /// <summary>Gets attributes of the end user's client.</summary>
    [JsonPropertyName("client_attributes")]
    public ClientAttributes? ClientAttributes { get; init; }

    /// <summary>Gets an existing session to join; when absent Transmit creates one and returns its id.</summary>
    [JsonPropertyName("session_id")]
    public string? SessionId { get; init; }

    // The signature proves the user's biometric approval of the challenge: like every credential, it never prints.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Signature = [redacted], Challenge = ").Append(Challenge)
            .Append(", KeyId = ").Append(KeyId)
            .Append(", UserId = ").Append(UserId)
            .Append(", Resource = ").Append(Resource)
            .Append(", Claims = ").Append(Claims)
            .Append(", OrgId = ").Append(OrgId)
            .Append(", ClientAttributes = ").Append(ClientAttributes)
            .Append(", SessionId = ").Append(SessionId);
        return true;
    }
}
