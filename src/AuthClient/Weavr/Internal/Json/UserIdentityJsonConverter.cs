using System.Text.Json;
using System.Text.Json.Serialization;
using AuthClient.Weavr.Models;

namespace AuthClient.Weavr.Internal.Json;

/// <summary>
/// Reads and writes <see cref="UserIdentity"/> by hand, the element of every identities answer (see
/// <see cref="TypedIdJsonConverter{TId, TType}"/> for why and for the contract kept).
/// </summary>
internal sealed class UserIdentityJsonConverter : JsonConverter<UserIdentity>
{
    private static readonly byte[][] Fields = ["id"u8.ToArray(), "name"u8.ToArray()];

    /// <inheritdoc />
    public override UserIdentity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        WeavrJsonReading.ExpectObject(ref reader, nameof(UserIdentity));
        IdentityId? id = null;
        string? name = null;
        while (WeavrJsonReading.NextField(ref reader, Fields, out var field))
        {
            switch (field)
            {
                case 0:
                    id = IdentityIdJsonConverter.Instance.ReadObjectOrNull(ref reader);
                    break;
                case 1:
                    name = WeavrJsonReading.ReadString(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new UserIdentity(id!, name!);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, UserIdentity value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        if (value.Id is { } id)
        {
            writer.WritePropertyName("id"u8);
            IdentityIdJsonConverter.Instance.Write(writer, id, options);
        }

        if (value.Name is { } name)
        {
            writer.WriteString("name"u8, name);
        }

        writer.WriteEndObject();
    }
}
