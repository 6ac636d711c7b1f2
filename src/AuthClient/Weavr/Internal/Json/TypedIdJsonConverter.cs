using System.Text.Json;
using System.Text.Json.Serialization;
using AuthClient.Primitives;

namespace AuthClient.Weavr.Internal.Json;

/// <summary>
/// Reads and writes a <c>{"type": ..., "id": ...}</c> record (<see cref="Models.IdentityId"/>,
/// <see cref="Models.CredentialId"/>) by hand: they are in every login, identities and access-token answer, and System.Text.Json
/// reads a positional record through its parameterized-constructor converter (argument caches and a state per object),
/// several times slower than these two fields need. Same contract as the generated code: names in any case, unknown
/// properties skipped, a missing field left at its default.
/// </summary>
/// <typeparam name="TId">The record.</typeparam>
/// <typeparam name="TType">Its open enumeration of types.</typeparam>
internal abstract class TypedIdJsonConverter<TId, TType> : JsonConverter<TId>
    where TId : class
    where TType : struct, IOpenEnum<TType>
{
    private static readonly byte[][] Fields = ["type"u8.ToArray(), "id"u8.ToArray()];

    /// <summary>Reads one record at the reader (a <c>null</c> never reaches a converter of a reference type).</summary>
    public TId ReadObject(ref Utf8JsonReader reader)
    {
        WeavrJsonReading.ExpectObject(ref reader, typeof(TId).Name);
        TType type = default;
        string? id = null;
        while (WeavrJsonReading.NextField(ref reader, Fields, out var field))
        {
            switch (field)
            {
                case 0:
                    type = OpenEnumJsonConverter<TType>.ReadValue(ref reader);
                    break;
                case 1:
                    id = WeavrJsonReading.ReadString(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return Create(type, id!);
    }

    /// <summary>Reads one record, or <see langword="null"/> for a JSON <c>null</c> (a nested field the answer left empty).</summary>
    public TId? ReadObjectOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadObject(ref reader);

    /// <inheritdoc />
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadObject(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("type"u8, TypeOf(value).Value);
        if (IdOf(value) is { } id)
        {
            writer.WriteString("id"u8, id); // null fields are omitted, as the context's options say
        }

        writer.WriteEndObject();
    }

    /// <summary>Builds the record.</summary>
    protected abstract TId Create(TType type, string id);

    /// <summary>The record's type.</summary>
    protected abstract TType TypeOf(TId value);

    /// <summary>The record's id.</summary>
    protected abstract string? IdOf(TId value);
}
