using System.Text;
using AuthClient.Webhooks;

namespace AuthClient.Tests.Webhooks;

public sealed class WeavrWebhookSignerTests
{
    private const string KatKey = "kat-api-key-7f3a";
    private const string KatStepUpBody = """{"credential":{"type":"ROOT","id":"11"},"identity":{"type":"CONSUMER","id":"22"},"challengeId":"33","type":"BIOMETRIC","status":"VERIFIED","publishedTimestamp":"1700000000000","authToken":"tok"}""";

    // Known answers computed once outside .NET:
    //   printf '%s' "$callRef$body$timestamp" | openssl dgst -sha256 -hmac "$key" -binary | base64
    [Theory]
    [InlineData(KatKey, "kat-call-ref-1", KatStepUpBody, "1700000000000", "5y1TYpuByJUQ2c5RORfoErP9E98jRgrmvVFF08327xQ=")]
    [InlineData(KatKey, null, """{"type":"PASSWORD","status":"DECLINED"}""", "1700000000001", "PyDshEfEaGJ7shjPJecikyQ83I6vtblFgtf34fBr8v4=")]
    [InlineData("kéy", "Ünïcode-ref", "{}", "1", "Vm5pmLnhTM2wtJwHLJUuH7mYJkVWRoqt89d8+foRKbo=")]
    public void Sign_KnownAnswerVectorsFromOpenSsl_Match(string key, string? callRef, string body, string timestamp, string expected)
    {
        var signature = WeavrWebhookSigner.Sign(key, callRef, Encoding.UTF8.GetBytes(body), timestamp);

        Assert.Equal(expected, signature);
        Assert.True(WeavrWebhookSigner.Verify(key, callRef, Encoding.UTF8.GetBytes(body), timestamp, expected));
    }

    [Theory]
    [InlineData("key", "ref", "{\"a\":1}", "1772366400000")]
    [InlineData("another key with spaces", "", "", "0")]
    [InlineData("k", null, "[1,2,3]", "9999999999999")]
    [InlineData("ключ", "呼び出し", "{\"name\":\"Zoë\"}", "1")]
    public void Sign_AnyInput_EqualsHmacComputedIndependentlyInTheTest(string key, string? callRef, string body, string timestamp)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        var signature = WeavrWebhookSigner.Sign(key, callRef, bytes, timestamp);

        Assert.Equal(WebhookTestKit.IndependentSignature(key, callRef, bytes, timestamp), signature);
    }

    [Fact]
    public void Sign_NullAndEmptyCallRef_SignTheSameMessage()
    {
        var body = Encoding.UTF8.GetBytes("{}");

        Assert.Equal(WeavrWebhookSigner.Sign("k", null, body, "5"), WeavrWebhookSigner.Sign("k", string.Empty, body, "5"));
    }

    [Fact]
    public void Sign_NoSeparators_ShiftingBytesBetweenPartsGivesTheSameSignature()
    {
        // "ab" + "{}" + "1" == "a" + "b{}" + "1": documents that the message is a plain concatenation.
        Assert.Equal(
            WeavrWebhookSigner.Sign("k", "ab", Encoding.UTF8.GetBytes("{}"), "1"),
            WeavrWebhookSigner.Sign("k", "a", Encoding.UTF8.GetBytes("b{}"), "1"));
    }

    [Fact]
    public void Sign_DateTimeOffset_SignsMillisecondEpochText()
    {
        var at = new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero); // 1700000000000 ms
        var body = Encoding.UTF8.GetBytes(KatStepUpBody);

        Assert.Equal("1700000000000", WeavrWebhookSigner.FormatTimestamp(at));
        Assert.Equal("5y1TYpuByJUQ2c5RORfoErP9E98jRgrmvVFF08327xQ=", WeavrWebhookSigner.Sign(KatKey, "kat-call-ref-1", body, at));
    }

    [Fact]
    public void CreateHeaders_ReturnsAllThreeHeadersSignedOverThem()
    {
        var body = Encoding.UTF8.GetBytes("{\"x\":1}");
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1772366400123);

        var headers = WeavrWebhookSigner.CreateHeaders("key", "cr-9", body, at);

        Assert.Equal("cr-9", headers.CallRef);
        Assert.Equal("1772366400123", headers.PublishedTimestamp);
        Assert.Equal(WebhookTestKit.IndependentSignature("key", "cr-9", body, "1772366400123"), headers.SignatureV2);
        Assert.DoesNotContain(headers.SignatureV2!, headers.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-key", "kat-call-ref-1", "1700000000000", "5y1TYpuByJUQ2c5RORfoErP9E98jRgrmvVFF08327xQ=")]
    [InlineData(KatKey, "kat-call-ref-2", "1700000000000", "5y1TYpuByJUQ2c5RORfoErP9E98jRgrmvVFF08327xQ=")]
    [InlineData(KatKey, "kat-call-ref-1", "1700000000002", "5y1TYpuByJUQ2c5RORfoErP9E98jRgrmvVFF08327xQ=")]
    [InlineData(KatKey, "kat-call-ref-1", "1700000000000", "6y1TYpuByJUQ2c5RORfoErP9E98jRgrmvVFF08327xQ=")]
    [InlineData(KatKey, "kat-call-ref-1", "1700000000000", "5y1TYpuByJUQ2c5RORfoErP9E98jRgrmvVFF08327x")]
    [InlineData(KatKey, "kat-call-ref-1", "1700000000000", "!!not-base64!!")]
    [InlineData(KatKey, "kat-call-ref-1", "1700000000000", "")]
    [InlineData(KatKey, "kat-call-ref-1", "", "5y1TYpuByJUQ2c5RORfoErP9E98jRgrmvVFF08327xQ=")]
    public void Verify_AnyPartDifferent_ReturnsFalse(string key, string callRef, string timestamp, string signature)
    {
        Assert.False(WeavrWebhookSigner.Verify(key, callRef, Encoding.UTF8.GetBytes(KatStepUpBody), timestamp, signature));
    }

    [Fact]
    public void Verify_OverlongSignature_ReturnsFalse()
    {
        Assert.False(WeavrWebhookSigner.Verify("k", "c", [], "1", new string('A', 4096)));
    }

    [Fact]
    public void Sign_EmptyKeyOrTimestamp_ThrowsNamingTheParameter()
    {
        Assert.Equal("signingKey", Assert.ThrowsAny<ArgumentException>(() => WeavrWebhookSigner.Sign("", "c", [], "1")).ParamName);
        Assert.Equal("publishedTimestamp", Assert.ThrowsAny<ArgumentException>(() => WeavrWebhookSigner.Sign("k", "c", [], "")).ParamName);
        Assert.Equal("signingKey", Assert.ThrowsAny<ArgumentException>(() => WeavrWebhookSigner.Verify(null!, "c", [], "1", "x")).ParamName);
    }
}
