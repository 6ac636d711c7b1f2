using AuthClient.Webhooks;

namespace AuthClient.Tests.Webhooks;

public sealed class WeavrWebhookHeadersTests
{
    [Fact]
    public void From_Pairs_MatchesNamesCaseInsensitivelyAndFirstValueWins()
    {
        var headers = WeavrWebhookHeaders.From(
        [
            new("Call-Ref", "cr-1"),
            new("PUBLISHED-TIMESTAMP", "1772366400000"),
            new("Signature-V2", "sig-first"),
            new("signature-v2", "sig-second"),
            new("signature", "v1-ignored"),
        ]);

        Assert.Equal("cr-1", headers.CallRef);
        Assert.Equal("1772366400000", headers.PublishedTimestamp);
        Assert.Equal("sig-first", headers.SignatureV2);
    }

    [Fact]
    public void FromLookup_AsksForTheThreeWeavrHeaderNames()
    {
        var asked = new List<string>();

        var headers = WeavrWebhookHeaders.FromLookup(name =>
        {
            asked.Add(name);
            return name == WeavrWebhookHeaderNames.CallRef ? null : "v-" + name;
        });

        Assert.Equal(["call-ref", "published-timestamp", "signature-v2"], asked);
        Assert.Null(headers.CallRef);
        Assert.Equal("v-published-timestamp", headers.PublishedTimestamp);
        Assert.Equal("v-signature-v2", headers.SignatureV2);
    }

    [Fact]
    public void ToString_NeverPrintsTheSignature()
    {
        var headers = new WeavrWebhookHeaders { CallRef = "cr", PublishedTimestamp = "1", SignatureV2 = "c2lnbmF0dXJlLXZhbHVl" };

        var text = headers.ToString();

        Assert.DoesNotContain("c2lnbmF0dXJlLXZhbHVl", text, StringComparison.Ordinal);
        Assert.Contains("cr", text, StringComparison.Ordinal);
        Assert.Contains("[redacted]", text, StringComparison.Ordinal);
    }
}
