using System.Text;

namespace AuthClient.Tests.Webhooks;

/// <summary>Webhook bodies as Weavr sends them (shapes from the webhooks OpenAPI and observed values).</summary>
internal static class WebhookBodies
{
    public const string AuthToken = "eyJhbGciOi.AUTH-TOKEN-SECRET.sig";

    public static byte[] BiometricVerified =>
        Utf8($$"""{"credential":{"type":"ROOT","id":"101"},"identity":{"type":"CONSUMER","id":"202"},"challengeId":"303","type":"BIOMETRIC","status":"VERIFIED","publishedTimestamp":"1772366400000","authToken":"{{AuthToken}}"}""");

    public static byte[] StepUp(string authTokenJson) =>
        Utf8($$"""{"credential":{"type":"USER","id":"1"},"identity":{"type":"CORPORATE","id":"2"},"challengeId":"3","type":"SMS_OTP","status":"VERIFIED","publishedTimestamp":"1772366400000"{{authTokenJson}}}""");

    public static byte[] Login =>
        Utf8("""{"credential":{"type":"ROOT","id":"11"},"identity":{"type":"CONSUMER","id":"22"},"type":"PASSWORD","status":"DECLINED","publishedTimestamp":"1772366400000"}""");

    public static byte[] Enrolment =>
        Utf8("""{"credentialId":{"type":"USER","id":"44"},"type":"AUTHY","status":"ACTIVE","publishedTimestamp":"1772366400000"}""");

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
