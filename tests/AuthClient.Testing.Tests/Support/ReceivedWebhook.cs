using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AuthClient.Testing.Tests.Support;

/// <summary>A webhook POST the test receiver got, with its raw body exactly as sent.</summary>
internal sealed record ReceivedWebhook(string Path, IReadOnlyDictionary<string, string> Headers, byte[] RawBody)
{
    public string Body => Encoding.UTF8.GetString(RawBody);

    public JsonElement Json => JsonDocument.Parse(RawBody).RootElement;

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException(name);

    /// <summary>Recomputes signature-v2 independently of the sandbox: Base64(HMAC-SHA256(api key, call-ref + body + timestamp)).</summary>
    public bool IsSignedWith(string apiKey)
    {
        var message = Encoding.UTF8.GetBytes(Header("call-ref")).Concat(RawBody).Concat(Encoding.UTF8.GetBytes(Header("published-timestamp"))).ToArray();
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), message));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(Header("signature-v2")));
    }
}
