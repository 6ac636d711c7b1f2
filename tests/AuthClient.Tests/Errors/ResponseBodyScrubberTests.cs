using System.Text.Json;
using AuthClient.Errors.Internal;

namespace AuthClient.Tests.Errors;

public sealed class ResponseBodyScrubberTests
{
    [Theory]
    [InlineData("""{"token":"s1"}""", """{"token":"[redacted]"}""")]
    [InlineData("""{"a":{"b":{"authToken":"s1"}}}""", """{"a":{"b":{"authToken":"[redacted]"}}}""")]
    [InlineData("""[{"password":{"value":"s1"}}]""", """[{"password":"[redacted]"}]""")]
    [InlineData("""{"x":[[{"verificationCode":"s1"}]]}""", """{"x":[[{"verificationCode":"[redacted]"}]]}""")]
    [InlineData("""{"value":"s1","error_code":"E"}""", """{"value":"[redacted]","error_code":"E"}""")]
    [InlineData("""{"client-secret":"s1","Access_Token":"s1","newPassword":"s1"}""", """{"client-secret":"[redacted]","Access_Token":"[redacted]","newPassword":"[redacted]"}""")]
    [InlineData("""{"token":null,"message":"é <ok>"}""", """{"token":null,"message":"é <ok>"}""")]
    public void Scrub_SecretFieldsAtAnyDepth_AreRedacted(string body, string expected)
    {
        using var json = JsonDocument.Parse(body);

        Assert.Equal(expected, ResponseBodyScrubber.Scrub(body, json));
    }

    [Fact]
    public void Scrub_NothingSecret_KeepsTheBodyByteForByte()
    {
        const string Body = """{ "errorCode" : "X",  "message": "spaced" }""";
        using var json = JsonDocument.Parse(Body);

        Assert.Same(Body, ResponseBodyScrubber.Scrub(Body, json));
    }

    [Theory]
    [InlineData("""{"token":"s1" """, null)]
    [InlineData("<html>bad gateway</html>", "<html>bad gateway</html>")]
    [InlineData("password=s1&x=y", null)]
    public void Scrub_NotJson_IsDroppedOnlyWhenItMentionsASecret(string body, string? expected) =>
        Assert.Equal(expected, ResponseBodyScrubber.Scrub(body, null));
}
