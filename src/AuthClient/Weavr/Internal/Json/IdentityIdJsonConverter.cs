using AuthClient.Weavr.Models;

namespace AuthClient.Weavr.Internal.Json;

/// <summary>Reads and writes <see cref="IdentityId"/> by hand (see <see cref="TypedIdJsonConverter{TId, TType}"/>).</summary>
internal sealed class IdentityIdJsonConverter : TypedIdJsonConverter<IdentityId, IdentityType>
{
    /// <summary>The one instance the hand-written answer converters read nested ids with.</summary>
    public static readonly IdentityIdJsonConverter Instance = new();

    protected override IdentityId Create(IdentityType type, string id) => new(type, id);

    protected override IdentityType TypeOf(IdentityId value) => value.Type;

    protected override string? IdOf(IdentityId value) => value.Id;
}
