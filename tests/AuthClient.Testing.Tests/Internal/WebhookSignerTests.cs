using System.Security.Cryptography;
using System.Text;
using AuthClient.Testing.Internal;

namespace AuthClient.Testing.Tests.Internal;

public sealed class WebhookSignerTests
{
    [Fact]
    public void SignatureV2_IsHmacSha256OfCallRefBodyAndTimestampKeyedWithTheApiKey()
    {
        var body = """{"challengeId":"1","status":"VERIFIED"}"""u8.ToArray();

        var signature = WebhookSigner.SignatureV2("my-api-key", "ref-1", body, "1767225600000");

        var expected = Convert.ToBase64String(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("my-api-key"),
            Encoding.UTF8.GetBytes("ref-1" + """{"challengeId":"1","status":"VERIFIED"}""" + "1767225600000")));
        Assert.Equal(expected, signature);
    }

    [Fact]
    public void SignatureV2_AnyPartChanged_ChangesTheSignature()
    {
        var body = "{}"u8.ToArray();
        var reference = WebhookSigner.SignatureV2("key", "ref", body, "1");

        Assert.NotEqual(reference, WebhookSigner.SignatureV2("key2", "ref", body, "1"));
        Assert.NotEqual(reference, WebhookSigner.SignatureV2("key", "ref2", body, "1"));
        Assert.NotEqual(reference, WebhookSigner.SignatureV2("key", "ref", "{ }"u8.ToArray(), "1"));
        Assert.NotEqual(reference, WebhookSigner.SignatureV2("key", "ref", body, "2"));
    }

    [Fact]
    public void LegacySignature_IsHmacOfTheTimestampOnly()
    {
        var expected = Convert.ToBase64String(HMACSHA256.HashData("key"u8, "123"u8));

        Assert.Equal(expected, WebhookSigner.LegacySignature("key", "123"));
    }
}
