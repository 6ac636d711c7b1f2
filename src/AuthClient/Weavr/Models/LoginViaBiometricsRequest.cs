using System.Text.Json.Serialization;

namespace AuthClient.Weavr.Models;

/// <summary>The body of <c>POST /login_via_biometrics</c>.</summary>
/// <param name="Email">The e-mail address used when the user enrolled biometrics.</param>
/// <param name="Identity">The identity to log in to, for users with several identities.</param>
/// <remarks>An absent identity is omitted, not sent as <c>null</c>, whatever serializer options the HTTP client uses.</remarks>
public sealed record LoginViaBiometricsRequest(
    string Email,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IdentityId? Identity = null);
