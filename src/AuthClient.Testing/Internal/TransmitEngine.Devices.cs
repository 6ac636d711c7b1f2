using System.Security.Cryptography;
using System.Text.Json;
using AuthClient.Testing.Transmit;
using AuthClient.Transmit.DeviceKeys;

namespace AuthClient.Testing.Internal;

// The mobile-biometrics device operations: register, start, authenticate (signature checked against the registered
// key) and delete.
internal sealed partial class TransmitEngine
{
    private SandboxResponse Register(JsonElement body, string userId)
    {
        var publicKey = JsonBody.GetString(body, "publicKey");
        var publicKeyId = JsonBody.GetString(body, "publicKeyId");
        var os = JsonBody.GetString(body, "os");
        if (string.IsNullOrEmpty(publicKey))
        {
            return TransmitReplies.MissingProperty("publicKey");
        }

        if (string.IsNullOrEmpty(publicKeyId))
        {
            return TransmitReplies.MissingProperty("publicKeyId");
        }

        if (string.IsNullOrEmpty(os))
        {
            return TransmitReplies.MissingProperty("os");
        }

        var encryptionType = JsonBody.GetString(body, "encryptionType");
        DeviceKeyType keyType;
        switch (encryptionType)
        {
            case "ec":
                keyType = DeviceKeyType.Ec;
                break;
            case "rsa":
                keyType = DeviceKeyType.Rsa;
                break;
            case null:
                if (DetectKeyType(publicKey) is not { } detected)
                {
                    return TransmitReplies.Numbered(400, "The public key could not be read", "auth_invalid_key_encoding");
                }

                keyType = detected;
                break;
            default:
                return TransmitReplies.Numbered(400, "encryptionType must be one of: rsa, ec", "auth_invalid_key_type");
        }

        if (DetectKeyType(publicKey) != keyType)
        {
            return TransmitReplies.Numbered(400, "The public key does not match its encryptionType", "auth_invalid_key_encoding");
        }

        var user = _users.TryGetValue(userId, out var existing) ? existing : _users[userId] = new TransmitUser(userId);
        if (user.Keys.ContainsKey(publicKeyId))
        {
            return new SandboxResponse(409, JsonBody.Object("message", "The public key is already registered"));
        }

        user.Keys[publicKeyId] = new SandboxTransmitKey
        {
            UserId = userId,
            PublicKeyId = publicKeyId,
            PublicKey = publicKey,
            KeyType = keyType,
            Os = os,
            DeviceId = JsonBody.GetString(body, "device_id"),
            DisplayName = JsonBody.GetString(body, "displayName"),
            RegisteredAt = _time.GetUtcNow(),
        };
        return new SandboxResponse(200);
    }

    private SandboxResponse Start(JsonElement body)
    {
        TransmitUser? user;
        var userId = JsonBody.GetString(body, "user_id");
        if (userId is not null)
        {
            _users.TryGetValue(userId, out user);
        }
        else
        {
            var identifier = JsonBody.GetString(body, "identifier");
            var identifierType = JsonBody.GetString(body, "identifier_type");
            if (string.IsNullOrEmpty(identifier))
            {
                return TransmitReplies.MissingProperty("identifier");
            }

            if (string.IsNullOrEmpty(identifierType))
            {
                return TransmitReplies.MissingProperty("identifier_type");
            }

            user = identifierType switch
            {
                "email" or "username" => _users.Values.FirstOrDefault(u => string.Equals(u.Email, identifier, StringComparison.OrdinalIgnoreCase)),
                "phone" or "phone_number" => _users.Values.FirstOrDefault(u => u.Phone == identifier),
                "user_id" => _users.GetValueOrDefault(identifier),
                _ => null,
            };
        }

        if (user is null)
        {
            return TransmitReplies.Coded(404, "user_not_found", "User not found");
        }

        if (body.TryGetProperty("approval_data", out var approval) && !IsValidApprovalData(approval))
        {
            return TransmitReplies.Numbered(400, "approval_data must be a flat object of at most 10 keys matching [A-Za-z0-9_.-]", "system_invalid_input");
        }

        var challenge = Base64Url(RandomNumberGenerator.GetBytes(32));
        _challenges[challenge] = new TransmitChallenge(user.UserId, _time.GetUtcNow() + _rules.TransmitChallengeLifetime);
        return new SandboxResponse(200, JsonBody.Object("challenge", challenge));
    }

    private SandboxResponse AuthenticateDevice(JsonElement body)
    {
        string? Required(string name) => JsonBody.GetString(body, name);
        var signature = Required("signature");
        var challenge = Required("challenge");
        var keyId = Required("key_id");
        var userId = Required("user_id");
        foreach (var (name, value) in new[] { ("signature", signature), ("challenge", challenge), ("key_id", keyId), ("user_id", userId) })
        {
            if (string.IsNullOrEmpty(value))
            {
                return TransmitReplies.MissingProperty(name);
            }
        }

        // Single use: a challenge is consumed by the first attempt that presents it, whatever the outcome.
        if (!_challenges.Remove(challenge!, out var issued) || issued.UserId != userId || _time.GetUtcNow() >= issued.ExpiresAt)
        {
            return TransmitReplies.Numbered(400, "The challenge is unknown, expired, already used or issued for another user", "auth_invalid_challenge");
        }

        if (!_users.TryGetValue(userId!, out var user) || !user.Keys.TryGetValue(keyId!, out var key))
        {
            return TransmitReplies.Numbered(400, "No public key with this key_id is registered for the user", "auth_key_not_found");
        }

        if (!DeviceSignatureVerifier.Verify(key.PublicKey, key.KeyType, challenge!, signature!))
        {
            return TransmitReplies.Numbered(400, "The signature does not verify against the registered public key", "auth_invalid_signature");
        }

        var accessToken = NewToken(TransmitTokenKind.User, userId!);
        var sessionId = JsonBody.GetString(body, "session_id") ?? Guid.NewGuid().ToString("N");
        return new SandboxResponse(200, JsonBody.Write((accessToken, sessionId, (long)_rules.TransmitTokenLifetime.TotalSeconds), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("access_token", s.accessToken);
            w.WriteString("id_token", Base64Url(RandomNumberGenerator.GetBytes(32)));
            w.WriteString("refresh_token", Base64Url(RandomNumberGenerator.GetBytes(32)));
            w.WriteString("token_type", "Bearer");
            w.WriteNumber("expires_in", s.Item3);
            w.WriteString("session_id", s.sessionId);
            w.WriteEndObject();
        }));
    }

    private SandboxResponse Delete(JsonElement body, string userId)
    {
        var publicKeyId = JsonBody.GetString(body, "publicKeyId");
        if (string.IsNullOrEmpty(publicKeyId))
        {
            return TransmitReplies.Coded(400, "invalid_request", "Invalid request: property should not be null or undefined");
        }

        if (!_users.TryGetValue(userId, out var user) || !user.Keys.Remove(publicKeyId))
        {
            return TransmitReplies.Coded(404, "invalid_request", "Public key not found");
        }

        return new SandboxResponse(204);
    }

    private string NewToken(TransmitTokenKind kind, string subject)
    {
        var now = _time.GetUtcNow();
        if (_tokens.Count > 1024)
        {
            foreach (var stale in _tokens.Values.Where(t => now >= t.ExpiresAt).ToList())
            {
                _tokens.Remove(stale.Value);
            }
        }

        var value = Base64Url(RandomNumberGenerator.GetBytes(32));
        _tokens[value] = new TransmitToken(value, kind, subject, now + _rules.TransmitTokenLifetime);
        return value;
    }

    private static DeviceKeyType? DetectKeyType(string pem)
    {
        try
        {
            using var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return DeviceKeyType.Ec;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return DeviceKeyType.Rsa;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    private static bool IsValidApprovalData(JsonElement approval)
    {
        if (approval.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var count = 0;
        foreach (var property in approval.EnumerateObject())
        {
            if (++count > 10 || property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ||
                property.Name.Length == 0 || !property.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
