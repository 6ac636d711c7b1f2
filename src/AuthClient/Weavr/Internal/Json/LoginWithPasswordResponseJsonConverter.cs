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
    /// <inheritdoc />
    public override LoginWithPasswordResponse Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        WeavrJsonReading.ExpectObject(ref reader, nameof(LoginWithPasswordResponse));
        Secret? token = null;
        TokenType? tokenType = null;
        IdentityId? identity = null;
        CredentialId? credentials = null;
        while (WeavrJsonReading.NextProperty(ref reader))
        {
            if (WeavrJsonReading.NameIs(ref reader, "token"u8))
            {
                reader.Read();
                token = WeavrJsonReading.ReadString(ref reader) is { } value ? new Secret(value) : null;
            }
            else if (WeavrJsonReading.NameIs(ref reader, "tokenType"u8))
            {
                reader.Read();
                tokenType = reader.TokenType == JsonTokenType.Null ? null : OpenEnumJsonConverter<TokenType>.ReadValue(ref reader);
            }
            else if (WeavrJsonReading.NameIs(ref reader, "identity"u8))
            {
                reader.Read();
                identity = IdentityIdJsonConverter.Instance.ReadObjectOrNull(ref reader);
            }
            else if (WeavrJsonReading.NameIs(ref reader, "credentials"u8))
            {
                reader.Read();
                credentials = CredentialIdJsonConverter.Instance.ReadObjectOrNull(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
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
