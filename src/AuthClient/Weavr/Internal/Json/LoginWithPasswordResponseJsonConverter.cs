using System.Text.Json;
using System.Text.Json.Serialization;
using AuthClient.Primitives;
using AuthClient.Weavr.Models;

namespace AuthClient.Weavr.Internal.Json;

/// <summary>
/// Reads and writes <see cref="LoginWithPasswordResponse"/> by hand: its four init-only properties made System.Text.Json
/// read it with the large parameterized-constructor converter, about a fifth of a login's CPU in memory. Same contract
/// as the generated code (see <see cref="TypedIdJsonConverter{TId, TType}"/>); a <c>null</c> leaves a field unset.
/// </summary>
internal sealed class LoginWithPasswordResponseJsonConverter : JsonConverter<LoginWithPasswordResponse>
{
    private static readonly byte[][] Fields = ["token"u8.ToArray(), "tokenType"u8.ToArray(), "identity"u8.ToArray(), "credentials"u8.ToArray()];

    /// <inheritdoc />
    public override LoginWithPasswordResponse Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        WeavrJsonReading.ExpectObject(ref reader, nameof(LoginWithPasswordResponse));
        Secret? token = null;
        TokenType? tokenType = null;
        IdentityId? identity = null;
        CredentialId? credentials = null;
        while (WeavrJsonReading.NextField(ref reader, Fields, out var field))
        {
            switch (field)
            {
                case 0:
                    token = WeavrJsonReading.ReadString(ref reader) is { } value ? new Secret(value) : null;
                    break;
                case 1:
                    tokenType = reader.TokenType == JsonTokenType.Null ? null : OpenEnumJsonConverter<TokenType>.ReadValue(ref reader);
                    break;
                case 2:
                    identity = IdentityIdJsonConverter.Instance.ReadObjectOrNull(ref reader);
                    break;
                case 3:
                    credentials = CredentialIdJsonConverter.Instance.ReadObjectOrNull(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new LoginWithPasswordResponse { Token = token, TokenType = tokenType, Identity = identity, Credentials = credentials };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LoginWithPasswordResponse value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        if (value.Token is { } token)
        {
            writer.WriteString("token"u8, token.Reveal());
        }

        if (value.TokenType is { } tokenType)
        {
            writer.WriteString("tokenType"u8, tokenType.Value);
        }

        if (value.Identity is { } identity)
        {
            writer.WritePropertyName("identity"u8);
            IdentityIdJsonConverter.Instance.Write(writer, identity, options);
        }

        if (value.Credentials is { } credentials)
        {
            writer.WritePropertyName("credentials"u8);
            CredentialIdJsonConverter.Instance.Write(writer, credentials, options);
        }

        writer.WriteEndObject();
    }
}
