using AuthClient.Weavr.Models;

namespace AuthClient.Weavr.Internal.Json;

/// <summary>Reads and writes <see cref="CredentialId"/> by hand (see <see cref="TypedIdJsonConverter{TId, TType}"/>).</summary>
internal sealed class CredentialIdJsonConverter : TypedIdJsonConverter<CredentialId, CredentialType>
{
    /// <summary>The one instance the hand-written answer converters read nested ids with.</summary>
    public static readonly CredentialIdJsonConverter Instance = new();

    protected override CredentialId Create(CredentialType type, string id) => new(type, id);

    protected override CredentialType TypeOf(CredentialId value) => value.Type;

    protected override string? IdOf(CredentialId value) => value.Id;
}
