#region transmit-authenticate
using AuthClient.Transmit;
using AuthClient.Transmit.Models;

namespace MyApp;

public sealed class BiometricLogin(ITransmitBiometricsClient transmit)
{
    // 1. Backend: create the challenge, optionally bound to what the user approves.
    public async Task<string> BeginAsync(string userId, CancellationToken ct)
    {
        var start = await transmit.StartAsync(BiometricsStartRequest.ForUser(userId) with
        {
            ApprovalData = new Dictionary<string, string> { ["transaction_id"] = "tx-42", ["sum"] = "200" },
        }, ct);
        return start.Challenge; // 2. The app signs it with Transmit's SDK (biometric prompt).
    }

    // 3. Backend: forward the SDK's strings untouched; Transmit verifies the signature.
    public async Task<BiometricsTokens> CompleteAsync(string userId, string challenge, string publicKeyId, string signature, CancellationToken ct)
    {
        var tokens = await transmit.AuthenticateAsync(new BiometricsAuthenticateRequest
        {
            UserId = userId, Challenge = challenge, KeyId = publicKeyId, Signature = signature,
        }, ct);
        return tokens; // AccessToken, IdToken, RefreshToken are Secrets (Reveal() to use); validate the JWTs.
    }
}
#endregion
