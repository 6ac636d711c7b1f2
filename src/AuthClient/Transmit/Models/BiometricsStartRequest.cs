using System.Text.Json;
using System.Text.Json.Serialization;
using AuthClient.Transmit.Internal;

namespace AuthClient.Transmit.Models;

/// <summary>
/// The body of <c>POST /v1/auth/mobile-biometrics/start</c>. Identify the user either by <see cref="UserId"/> or by
/// <see cref="Identifier"/> plus <see cref="IdentifierType"/>, never both: use <see cref="ForUser"/> or
/// <see cref="ForIdentifier"/>, then add optional fields with <c>with { … }</c>.
/// </summary>
public sealed record BiometricsStartRequest : IBiometricsTokenRequest
{
    /// <summary>Gets the user identifier (an e-mail, phone number, username or user id, per <see cref="IdentifierType"/>).</summary>
    [JsonPropertyName("identifier")]
    public string? Identifier { get; init; }

    /// <summary>Gets the type of <see cref="Identifier"/>, as configured in Transmit (e.g. <c>email</c>).</summary>
    [JsonPropertyName("identifier_type")]
    public string? IdentifierType { get; init; }

    /// <summary>Gets the Transmit user id.</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>Gets the id of the device the authentication comes from.</summary>
    [JsonPropertyName("device_id")]
    public string? DeviceId { get; init; }

    /// <summary>
    /// Gets the data the user approves (transaction signing): a flat object of at most 10 entries whose keys and
    /// values use only letters, digits, <c>_</c>, <c>-</c> and <c>.</c>. It comes back as an ID-token claim.
    /// </summary>
    [JsonPropertyName("approval_data")]
    public IReadOnlyDictionary<string, string>? ApprovalData { get; init; }

    /// <summary>Gets the challenge timeout, passed through as Transmit's <c>timeout</c> number (its unit is not documented).</summary>
    [JsonPropertyName("timeout")]
    public int? Timeout { get; init; }

    /// <summary>Gets the resource URI the resulting token is for (its <c>aud</c>); it must be configured for the application.</summary>
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

    /// <summary>Gets an existing session to join (e.g. for MFA).</summary>
    [JsonPropertyName("session_id")]
    public string? SessionId { get; init; }

    /// <summary>Creates a request that identifies the user by Transmit user id.</summary>
    /// <param name="userId">The Transmit user id.</param>
    /// <returns>The request.</returns>
    public static BiometricsStartRequest ForUser(string userId) => new() { UserId = userId };

    /// <summary>Creates a request that identifies the user by an identifier and its type.</summary>
    /// <param name="identifier">The identifier (e.g. an e-mail address).</param>
    /// <param name="identifierType">Its type, as configured in Transmit (e.g. <c>email</c>).</param>
    /// <returns>The request.</returns>
    public static BiometricsStartRequest ForIdentifier(string identifier, string identifierType) =>
        new() { Identifier = identifier, IdentifierType = identifierType };
}
