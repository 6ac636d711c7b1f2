using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AuthClient.Primitives;
using AuthClient.Testing.Transmit;
using AuthClient.Transmit.DeviceKeys;

namespace AuthClient.Testing.Internal;

/// <summary>
/// The Transmit Security side: client-credentials tokens at <c>/oidc/token</c> and the mobile-biometrics backend
/// (<c>register</c>, <c>start</c>, <c>authenticate</c>, <c>delete</c>) under <c>/cis</c>. Signatures are verified
/// cryptographically against the registered public key; <c>/start</c> challenges are single-use.
/// </summary>
internal sealed class TransmitEngine
{
    private const string RoutePrefix = "/v1/auth/mobile-biometrics/";
    private readonly object _gate = new();
    private readonly SandboxRules _rules;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, string> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TransmitToken> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TransmitUser> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TransmitChallenge> _challenges = new(StringComparer.Ordinal);

    public TransmitEngine(SandboxRules rules, TimeProvider timeProvider, IEnumerable<KeyValuePair<string, string>> clients)
    {
        _rules = rules;
        _time = timeProvider;
        foreach (var (id, secret) in clients)
        {
            _clients[id] = secret;
        }
    }

    public void AddUser(string userId, string? email, string? phone)
    {
        lock (_gate)
        {
            if (!_users.TryGetValue(userId, out var user))
            {
                _users[userId] = user = new TransmitUser(userId);
            }

            user.Email = email;
            user.Phone = phone;
        }
    }

    public Secret IssueUserToken(string userId)
    {
        lock (_gate)
        {
            if (!_users.ContainsKey(userId))
            {
                _users[userId] = new TransmitUser(userId);
            }

            return new Secret(NewToken(TransmitTokenKind.User, userId));
        }
    }

    public IReadOnlyList<SandboxTransmitKey> GetKeys(string userId)
    {
        lock (_gate)
        {
            return _users.TryGetValue(userId, out var user) ? [.. user.Keys.Values] : [];
        }
    }

    public SandboxResponse Token(SandboxRequest request)
    {
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return TransmitReplies.Listed(405, "Method not allowed");
        }

        var contentType = request.Header("Content-Type");
        if (contentType is null || !contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return TransmitReplies.Listed(400, "Bad request");
        }

        var form = ParseForm(request.Body.Span);
        if (!form.TryGetValue("grant_type", out var grantType) || grantType != "client_credentials")
        {
            return TransmitReplies.Listed(400, "grant_type must be client_credentials");
        }

        form.TryGetValue("client_id", out var clientId);
        form.TryGetValue("client_secret", out var clientSecret);
        lock (_gate)
        {
            if (clientId is null || clientSecret is null || !_clients.TryGetValue(clientId, out var expected) ||
                !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(clientSecret)))
            {
                return TransmitReplies.Listed(401, "Bad request");
            }

            var token = NewToken(TransmitTokenKind.Client, clientId);
            return new SandboxResponse(200, JsonBody.Write((token, (long)_rules.TransmitTokenLifetime.TotalSeconds), static (w, s) =>
            {
                w.WriteStartObject();
                w.WriteString("access_token", s.token);
                w.WriteString("token_type", "Bearer");
                w.WriteNumber("expires_in", s.Item2);
                w.WriteEndObject();
            }));
        }
    }

    public SandboxResponse Handle(SandboxRequest request, string route)
    {
        if (!route.StartsWith(RoutePrefix, StringComparison.Ordinal))
        {
            return TransmitReplies.Numbered(404, "Not found");
        }

        var operation = route[RoutePrefix.Length..];
        var method = request.Method.ToUpperInvariant();
        var expectedMethod = operation == "delete" ? "DELETE" : "POST";
        if (operation is not ("register" or "start" or "authenticate" or "delete"))
        {
            return TransmitReplies.Numbered(404, "Not found");
        }

        if (method != expectedMethod)
        {
            return TransmitReplies.Numbered(405, "Method not allowed");
        }

        lock (_gate)
        {
            var tokenKind = operation is "register" or "delete" ? TransmitTokenKind.User : TransmitTokenKind.Client;
            if (Authenticate(request, tokenKind, out var subject) is { } refused)
            {
                return refused;
            }

            if (!JsonBody.TryParseObject(request.Body, out var document))
            {
                return TransmitReplies.Coded(400, "invalid_request", "Invalid request: property should not be null or undefined");
            }

            using (document)
            {
                var body = document!.RootElement;
                return operation switch
                {
                    "register" => Register(body, subject),
                    "start" => Start(body),
                    "authenticate" => AuthenticateDevice(body),
                    _ => Delete(body, subject),
                };
            }
        }
    }

    private SandboxResponse? Authenticate(SandboxRequest request, TransmitTokenKind kind, out string subject)
    {
        subject = string.Empty;
        var header = request.Header("Authorization");
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ||
            !_tokens.TryGetValue(header[7..].Trim(), out var token))
        {
            return TransmitReplies.Unauthorized();
        }

        if (_time.GetUtcNow() >= token.ExpiresAt)
        {
            _tokens.Remove(token.Value);
            return TransmitReplies.Unauthorized();
        }

        if (token.Kind != kind)
        {
            return TransmitReplies.Numbered(403, kind == TransmitTokenKind.User ? "A user access token is required" : "A client access token is required");
        }

        subject = token.Subject;
        return null;
    }

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

    private static Dictionary<string, string> ParseForm(ReadOnlySpan<byte> body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? pair : pair[..separator];
            var value = separator < 0 ? string.Empty : pair[(separator + 1)..];
            form[Decode(name)] = Decode(value);
        }

        return form;

        static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private enum TransmitTokenKind
    {
        Client,
        User,
    }

    private sealed record TransmitToken(string Value, TransmitTokenKind Kind, string Subject, DateTimeOffset ExpiresAt);

    private sealed record TransmitChallenge(string UserId, DateTimeOffset ExpiresAt);

    private sealed class TransmitUser(string userId)
    {
        public string UserId { get; } = userId;

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public Dictionary<string, SandboxTransmitKey> Keys { get; } = new(StringComparer.Ordinal);
    }
}
