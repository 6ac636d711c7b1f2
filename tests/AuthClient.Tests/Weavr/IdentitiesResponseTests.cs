using AuthClient.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Tests.Weavr;

/// <summary><c>GET /identities</c> in both shapes: the documented wrapper (3.63.5) and the seed's bare array.</summary>
public sealed class IdentitiesResponseTests : IClassFixture<WeavrWireMockFixture>
{
    private static readonly UserIdentity Acme = new(new IdentityId(IdentityType.Corporate, "7"), "Acme Ltd");
    private static readonly UserIdentity Ada = new(new IdentityId(IdentityType.Consumer, "8"), "Ada");
    private readonly WeavrWireMockFixture _wire;

    public IdentitiesResponseTests(WeavrWireMockFixture wire)
    {
        _wire = wire;
        _wire.Reset();
    }

    [Fact]
    public async Task GetIdentitiesAsync_DocumentedWrapper_ReadsItemsAndCounts()
    {
        var result = await GetAsync("""
            {"identities":[{"id":{"type":"CORPORATE","id":"7"},"name":"Acme Ltd"},{"id":{"type":"CONSUMER","id":"8"},"name":"Ada"}],
             "count":57,"responseCount":2,"somethingNew":true}
            """);

        Assert.Equal([Acme, Ada], result.Identities);
        Assert.Equal(57, result.Count);
        Assert.Equal(2, result.ResponseCount);
    }

    [Fact]
    public async Task GetIdentitiesAsync_SeedBareArray_ReadsItemsAndCountsThem()
    {
        var result = await GetAsync("""[{"id":{"type":"CORPORATE","id":"7"},"name":"Acme Ltd"},{"id":{"type":"CONSUMER","id":"8"},"name":"Ada"}]""");

        Assert.Equal([Acme, Ada], result.Identities);
        Assert.Equal(2, result.Count);
        Assert.Equal(2, result.ResponseCount);
    }

    [Fact]
    public async Task GetIdentitiesAsync_EmptyBareArray_ReturnsNoIdentities()
    {
        var result = await GetAsync("[]");

        Assert.Empty(result.Identities);
        Assert.Equal(0, result.Count);
    }

    [Fact]
    public async Task GetIdentitiesAsync_UnknownIdentityType_KeepsRawText()
    {
        var result = await GetAsync("""{"identities":[{"id":{"type":"SOLE_TRADER","id":"9"},"name":"Bob"}],"count":1,"responseCount":1}""");

        var identity = Assert.Single(result.Identities);
        Assert.Equal("SOLE_TRADER", identity.Id.Type.Value);
        Assert.False(identity.Id.Type.IsKnown);
    }

    [Fact]
    public async Task RawGetIdentitiesAsync_BareArray_ReadsItems()
    {
        _wire.Given("GET", "/identities", 200, """[{"id":{"type":"CONSUMER","id":"8"},"name":"Ada"}]""");
        using var sut = _wire.CreateClient();

        var result = await sut.Api.GetIdentitiesAsync(context: new WeavrCallContext());

        Assert.Equal([Ada], result.Identities);
    }

    private async Task<IdentitiesResponse> GetAsync(string body)
    {
        _wire.Given("GET", "/identities", 200, body);
        using var sut = _wire.CreateClient();
        return (await sut.Weavr.GetIdentitiesAsync(options: WeavrEndpointCases.CallOptions())).Value;
    }
}
