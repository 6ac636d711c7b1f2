using AuthClient.Tests.Support;
using AuthClient.Weavr.Models;

namespace AuthClient.Tests.Weavr;

/// <summary><c>GET /authentication_factors</c> over the wire: every enum is open and unknown fields are ignored (API.md global rule 2).</summary>
public sealed class AuthenticationFactorsTests : IClassFixture<WeavrWireMockFixture>
{
    private readonly WeavrWireMockFixture _wire;

    public AuthenticationFactorsTests(WeavrWireMockFixture wire)
    {
        _wire = wire;
        _wire.Reset();
    }

    [Fact]
    public async Task GetAuthenticationFactorsAsync_UnknownChannelTypeStatusAndFields_DeserializesKeepingRawText()
    {
        const string body = """
            {"factors":[
              {"type":"OTP","status":"ACTIVE","channel":"SMS"},
              {"type":"PASSKEY","status":"SUSPENDED","channel":"WHATSAPP","enrolledAt":"2026-01-01T00:00:00Z","meta":{"x":[1,2]}},
              {},
              {"type":null,"status":null,"channel":null}
            ],"nextPage":null,"links":[{"rel":"self"}]}
            """;
        _wire.Given("GET", "/authentication_factors", 200, body);
        using var sut = _wire.CreateClient();

        var factors = (await sut.Weavr.GetAuthenticationFactorsAsync(WeavrEndpointCases.CallOptions())).Value.Factors;

        Assert.Equal(4, factors.Count);
        Assert.True(factors[0].Channel!.Value.IsKnown);
        Assert.Equal(ScaChannel.Sms, factors[0].Channel);

        var unknown = factors[1];
        Assert.Equal("WHATSAPP", unknown.Channel!.Value.Value);
        Assert.False(unknown.Channel.Value.IsKnown);
        Assert.Equal(new ScaChannel("WHATSAPP"), unknown.Channel);
        Assert.Equal("PASSKEY", unknown.Type!.Value.Value);
        Assert.False(unknown.Type.Value.IsKnown);
        Assert.Equal("SUSPENDED", unknown.Status!.Value.Value);
        Assert.False(unknown.Status.Value.IsKnown);
        Assert.Equal("WHATSAPP", unknown.Channel.Value.ToString());

        Assert.Equal(new ScaFactor(), factors[2]);
        Assert.Equal(new ScaFactor(), factors[3]);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"factors":null}""")]
    public async Task GetAuthenticationFactorsAsync_NoFactors_ReturnsEmptyListNotNull(string body)
    {
        _wire.Given("GET", "/authentication_factors", 200, body);
        using var sut = _wire.CreateClient();

        var result = await sut.Weavr.GetAuthenticationFactorsAsync(WeavrEndpointCases.CallOptions());

        Assert.Empty(result.Value.Factors);
    }
}
