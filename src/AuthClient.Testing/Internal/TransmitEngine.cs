using System.Security.Cryptography;
using System.Text;
using AuthClient.Primitives;
using AuthClient.Testing.Transmit;

namespace AuthClient.Testing.Internal;

/// <summary>
/// The Transmit Security side: client-credentials tokens at <c>/oidc/token</c> and the mobile-biometrics backend
/// (<c>register</c>, <c>start</c>, <c>authenticate</c>, <c>delete</c>) under <c>/cis</c>. Signatures are verified
/// cryptographically against the registered public key; <c>/start</c> challenges are single-use.
/// </summary>
internal sealed partial class TransmitEngine
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
