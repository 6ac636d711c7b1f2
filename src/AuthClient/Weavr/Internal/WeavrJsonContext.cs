using System.Text.Json.Serialization;
using AuthClient.Weavr.Models;

namespace AuthClient.Weavr.Internal;

/// <summary>Source-generated JSON metadata for every Weavr body: no reflection at run time (trimming/AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    // Hand-written readers for what every login and identities answer holds (see TypedIdJsonConverter).
    Converters = [typeof(Json.IdentityIdJsonConverter), typeof(Json.CredentialIdJsonConverter), typeof(Json.LoginWithPasswordResponseJsonConverter), typeof(Json.UserIdentityJsonConverter)])]
[JsonSerializable(typeof(LoginWithPasswordRequest))]
[JsonSerializable(typeof(LoginWithPasswordResponse))]
[JsonSerializable(typeof(LoginViaBiometricsRequest))]
[JsonSerializable(typeof(LoginViaBiometricsResponse))]
[JsonSerializable(typeof(IdentitiesResponse))]
[JsonSerializable(typeof(IdentitiesPayload))]
[JsonSerializable(typeof(List<UserIdentity>))]
[JsonSerializable(typeof(AccessTokenRequest))]
[JsonSerializable(typeof(AccessTokenResponse))]
[JsonSerializable(typeof(AuthenticationFactors))]
[JsonSerializable(typeof(VerificationCodeRequest))]
[JsonSerializable(typeof(PushChallenge))]
[JsonSerializable(typeof(LogoutResponse))]
[JsonSerializable(typeof(PasswordUpdateRequest))]
[JsonSerializable(typeof(PasswordValidateRequest))]
[JsonSerializable(typeof(EmailRequest))]
[JsonSerializable(typeof(LostPasswordResumeRequest))]
[JsonSerializable(typeof(LostPasswordResumeResponse))]
[JsonSerializable(typeof(PasswordUpdateResponse))]
[JsonSerializable(typeof(InvalidField))]
internal sealed partial class WeavrJsonContext : JsonSerializerContext;
