using System.Text.Json.Nodes;
using AuthClient.Tests.Weavr;

namespace AuthClient.Tests.Conformance;

/// <summary><c>POST /access_token</c>: each body property the spec documents is sent by one of the SDK's forms.</summary>
public sealed partial class WeavrOpenApiConformanceTests
{
    [Fact]
    public void RequestAccessToken_EveryDocumentedBodyProperty_IsSentAndTheAlternativesNeverTogether()
    {
        var operation = spec.Operation("/access_token", "POST")!;
        var documented = spec.Properties(spec.JsonSchema(WeavrOpenApiFixture.Child(operation, "requestBody"))!).Keys.Order().ToList();
        var rows = WeavrEndpointCases.All.Where(c => c.OperationId == "requestAccessToken").ToList();
        var bodies = rows.Select(r => JsonNode.Parse(r.ExpectedBody!)!.AsObject().Select(p => p.Key).ToList()).ToList();

        // The wire rows (WeavrAuthClientTests sends each and compares the exact body) cover every documented property.
        Assert.Equal(["clientAssertion", "identity", "token"], documented);
        Assert.Equal(documented, bodies.SelectMany(b => b).Distinct().Order());
        Assert.All(bodies, b => Assert.Contains("identity", b));
        Assert.All(bodies, b => Assert.False(b.Contains("clientAssertion") && b.Contains("token"), "clientAssertion and token are alternatives."));

        // Only the AUTH-token form sends a bearer; the assertion and one-time token authenticate with the api key alone.
        Assert.Equal([true, false, false], rows.Select(r => r.Secured));
    }
}
