using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using AuthClient.Errors;
using AuthClient.Testing.Faults;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Internal;

/// <summary>
/// The stateful emulator: one engine answers every request (Weavr under <c>/multi</c>, Transmit under <c>/cis</c> and
/// <c>/oidc/token</c>). It knows nothing of HTTP hosting, so it can be driven directly in tests. Weavr state is
/// guarded by one lock: every operation is a few dictionary look-ups, so contention is not a concern.
/// </summary>
internal sealed partial class SandboxEngine : IDisposable
{
    private const int PruneEvery = 1024;
    private readonly object _gate = new();
    private readonly SandboxRules _rules;
    private readonly TimeProvider _time;
    private readonly WebhookDispatcher _webhooks;
    private readonly Dictionary<string, UserState> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SandboxUser> _publicUsers = [];
    private readonly Dictionary<string, TokenState> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PushChallengeState> _challenges = new(StringComparer.Ordinal);
    private readonly List<(string Email, TaskCompletionSource<SandboxChallenge> Waiter)> _waiters = [];
    private readonly Dictionary<string, IdempotentReply> _replies = new(StringComparer.Ordinal);
    private readonly string _refPrefix = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant() + "-";
    private long _requestCounter;
    private long _idCounter = 110_000_000_000 + RandomNumberGenerator.GetInt32(1_000_000) * 1000L;
    private long _loginCounter;
    private int _issuedSincePrune;
    private volatile bool _autoApprovePush;

    public SandboxEngine(
        string apiKey,
        SandboxRules rules,
        TimeProvider timeProvider,
        IEnumerable<UserSpec> users,
        WebhookDispatcher webhooks,
        TransmitEngine transmit)
    {
        ApiKey = apiKey;
        _rules = rules;
        _time = timeProvider;
        _webhooks = webhooks;
        Transmit = transmit;
        foreach (var spec in users)
        {
            AddUser(spec);
        }
    }

    public string ApiKey { get; }

    public SandboxFaults Faults { get; } = new();

    public TransmitEngine Transmit { get; }

    public WebhookDispatcher Webhooks => _webhooks;

    public bool AutoApprovePush
    {
        get => _autoApprovePush;
        set => _autoApprovePush = value;
    }

    public IReadOnlyList<SandboxUser> Users
    {
        get
        {
            lock (_gate)
            {
                return [.. _publicUsers];
            }
        }
    }

    public SandboxUser AddUser(UserSpec spec)
    {
        lock (_gate)
        {
            if (_users.ContainsKey(spec.Email))
            {
                throw new InvalidOperationException($"A sandbox user with e-mail '{spec.Email}' already exists.");
            }

            var identities = spec.Identities
                .Select(i => new UserIdentity(new IdentityId(i.Type, i.Id ?? NextId()), i.Name))
                .ToList();
            var credentialId = NextId();
            var state = new UserState
            {
                Email = spec.Email,
                Password = spec.Password,
                PasswordHistory = [spec.Password],
                PasswordExpired = spec.PasswordExpired,
                MobileNumber = spec.MobileNumber,
                Identities = identities,
                Credential = new CredentialId(CredentialType.Root, credentialId),
                TransmitUserId = spec.TransmitUserId ?? "tx-" + credentialId,
            };
            foreach (var (channel, status) in spec.Factors)
            {
                state.Factors[channel] = status;
            }

            if (state.Factors.TryGetValue(ScaChannel.Sms.Value, out var sms) && sms == ScaFactorStatus.PendingVerification)
            {
                state.SmsEnrolment = new OtpChallengeState { IssuedAt = _time.GetUtcNow() };
            }

            _users.Add(state.Email, state);
            var user = new SandboxUser(state, _gate);
            _publicUsers.Add(user);
            Transmit.AddUser(state.TransmitUserId, state.Email, state.MobileNumber);
            return user;
        }
    }

    public SandboxUser GetUser(string email)
    {
        lock (_gate)
        {
            return _publicUsers.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"No sandbox user has the e-mail '{email}'.", nameof(email));
        }
    }

    public void SetFactor(string email, ScaChannel channel, ScaFactorStatus? status)
    {
        lock (_gate)
        {
            var user = FindUser(email);
            if (status is { } value)
            {
                user.Factors[channel.Value] = value;
            }
            else
            {
                user.Factors.Remove(channel.Value);
            }

            if (channel == ScaChannel.Sms)
            {
                user.SmsEnrolment = status == ScaFactorStatus.PendingVerification ? new OtpChallengeState { IssuedAt = _time.GetUtcNow() } : null;
            }
        }
    }

    /// <summary>Answers one request: injected fault first, then emulation; every answer carries a unique <c>request-ref</c>.</summary>
    public async ValueTask<SandboxResponse> HandleAsync(SandboxRequest request, CancellationToken cancellationToken)
    {
        SandboxResponse response;
        try
        {
            var fault = Faults.TryTake(request.Method, request.Path);
            response = fault is null
                ? Dispatch(request)
                : await ApplyFaultAsync(fault, request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A sandbox bug must still look like an HTTP answer the test can read, with its request-ref.
            response = new SandboxResponse(500, JsonBody.Object("message", "The sandbox failed: " + ex.Message));
        }

        response.WithHeader("request-ref", _refPrefix + Interlocked.Increment(ref _requestCounter).ToString("x", CultureInfo.InvariantCulture));
        return response;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var challenge in _challenges.Values)
            {
                challenge.ExpiryTimer?.Dispose();
            }

            foreach (var (_, waiter) in _waiters)
            {
                waiter.TrySetCanceled();
            }

            _waiters.Clear();
        }
    }

    private async ValueTask<SandboxResponse> ApplyFaultAsync(FaultRule fault, SandboxRequest request, CancellationToken cancellationToken)
    {
        switch (fault.Kind)
        {
            case FaultKind.Delay:
                var delay = Task.Delay(fault.Duration, _time, cancellationToken);
                Faults.OnHeld();
                try
                {
                    await delay.ConfigureAwait(false);
                }
                finally
                {
                    Faults.OnReleased();
                }

                return Dispatch(request);
            case FaultKind.RateLimit:
                var seconds = ((long)Math.Ceiling(fault.Duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return new SandboxResponse(429)
                    .WithHeader("x-ratelimit-limit", fault.RateLimitHeader!)
                    .WithHeader("x-ratelimit-reset", seconds)
                    .WithHeader("Retry-After", seconds);
            case FaultKind.Drop:
                return new SandboxResponse(500) { DropConnection = true };
            case FaultKind.DropAfterProcessing:
                var processed = Dispatch(request);
                processed.DropConnection = true;
                processed.AfterSent = null;
                return processed;
            default:
                return new SandboxResponse(fault.StatusCode, fault.Body is null ? null : Encoding.UTF8.GetBytes(fault.Body));
        }
    }

    private SandboxResponse Dispatch(SandboxRequest request)
    {
        var path = request.Path;
        if (path.StartsWith("/multi/", StringComparison.Ordinal))
        {
            return Weavr(request, path[7..].TrimEnd('/'));
        }

        if (path == "/oidc/token" || path == "/oidc/token/")
        {
            return Transmit.Token(request);
        }

        if (path.StartsWith("/cis/", StringComparison.Ordinal))
        {
            return Transmit.Handle(request, path[4..].TrimEnd('/'));
        }

        return WeavrReplies.NotFound();
    }

    private SandboxResponse Weavr(SandboxRequest request, string route)
    {
        var apiKey = request.Header("api-key");
        if (string.IsNullOrEmpty(apiKey))
        {
            return WeavrReplies.MissingApiKey();
        }

        // Fixed-time over the UTF-16 chars: no per-request encoding of the key on the hot path.
        if (!CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(apiKey.AsSpan()), MemoryMarshal.AsBytes(ApiKey.AsSpan())))
        {
            return WeavrReplies.Unauthorized();
        }

        var segments = route.Split('/');
        var method = request.Method.ToUpperInvariant();
        lock (_gate)
        {
            return segments switch
            {
                ["login_with_password"] => Only(method, "POST") ?? LoginWithPassword(request),
                ["login_via_biometrics"] => Only(method, "POST") ?? LoginViaBiometrics(request),
                ["identities"] => Only(method, "GET") ?? Identities(request),
                ["access_token"] => Only(method, "POST") ?? AccessToken(request),
                ["logout"] => Only(method, "POST") ?? Logout(request),
                ["passwords", "update"] => Only(method, "POST") ?? UpdatePassword(request),
                ["passwords", "validate"] => Only(method, "POST") ?? ValidatePassword(request),
                ["passwords", "lost_password", "start"] => Only(method, "POST") ?? StartLostPassword(request),
                ["passwords", "lost_password", "resume"] => Only(method, "POST") ?? ResumeLostPassword(request),
                ["authentication_factors"] => Only(method, "GET") ?? GetFactors(request),
                ["authentication_factors", "otp", var channel] => Only(method, "POST") ?? Idempotent(request, () => EnrolOtp(request, channel)),
                ["authentication_factors", "otp", var channel, "verify"] => Only(method, "POST") ?? Idempotent(request, () => VerifyOtpEnrolment(request, channel)),
                ["authentication_factors", "push", var channel] when method == "POST" => Idempotent(request, () => EnrolPush(request, channel)),
                ["authentication_factors", "push", var channel] when method == "DELETE" => Idempotent(request, () => UnlinkPush(request, channel)),
                ["authentication_factors", "push", _] => WeavrReplies.MethodNotAllowed(),
                ["stepup", "challenges", "otp", var channel] => Only(method, "POST") ?? Idempotent(request, () => StartOtpStepUp(request, channel)),
                ["stepup", "challenges", "otp", var channel, "verify"] => Only(method, "POST") ?? Idempotent(request, () => VerifyOtpStepUp(request, channel)),
                ["stepup", "challenges", "push", var channel] => Only(method, "POST") ?? Idempotent(request, () => StartPushStepUp(request, channel)),
                _ => WeavrReplies.NotFound(),
            };
        }
    }

    private static SandboxResponse? Only(string method, string expected) =>
        method == expected ? null : WeavrReplies.MethodNotAllowed();

    /// <summary>Authenticates the bearer token for an operation; <see langword="null"/> when it may proceed.</summary>
    private SandboxResponse? Authenticate(SandboxRequest request, TokenUse use, out TokenState token)
    {
        token = null!;
        var header = request.Header("Authorization");
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return WeavrReplies.Unauthorized();
        }

        var value = header[7..].Trim();
        if (!_tokens.TryGetValue(value, out var found) || found.Revoked)
        {
            return WeavrReplies.Unauthorized();
        }

        var now = _time.GetUtcNow();
        if (now - found.LastUsed >= _rules.TokenIdleTimeout)
        {
            _tokens.Remove(value);
            return WeavrReplies.Unauthorized();
        }

        found.LastUsed = now;
        token = found;
        return (found.Kind, use) switch
        {
            (TokenKind.Temporary, not TokenUse.PasswordUpdate) => WeavrReplies.Forbidden(),
            (TokenKind.Auth, not TokenUse.AuthOrAccess) => WeavrReplies.Forbidden(WeavrErrorCodes.AccessTokenRequired),
            _ => null,
        };
    }

    private TokenState IssueToken(TokenKind kind, UserState user, IdentityId identity, long loginId, bool fromBiometricLogin = false)
    {
        var token = new TokenState
        {
            Value = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant(),
            Kind = kind,
            User = user,
            Identity = identity,
            LoginId = loginId,
            FromBiometricLogin = fromBiometricLogin,
            SteppedUp = kind == TokenKind.Access && fromBiometricLogin,
            LastUsed = _time.GetUtcNow(),
        };
        _tokens.Add(token.Value, token);
        if (++_issuedSincePrune >= PruneEvery)
        {
            Prune();
        }

        return token;
    }

    private long NextLoginId() => ++_loginCounter;

    private string NextId() => Interlocked.Increment(ref _idCounter).ToString(CultureInfo.InvariantCulture);

    private UserState FindUser(string email) =>
        _users.TryGetValue(email, out var user) ? user : throw new ArgumentException($"No sandbox user has the e-mail '{email}'.", nameof(email));

    /// <summary>Drops expired tokens, finished challenges and old idempotent replies so a long-running server stays small.</summary>
    private void Prune()
    {
        _issuedSincePrune = 0;
        var now = _time.GetUtcNow();
        foreach (var (key, token) in _tokens.ToList())
        {
            if (token.Revoked || now - token.LastUsed >= _rules.TokenIdleTimeout)
            {
                _tokens.Remove(key);
            }
        }

        foreach (var (key, challenge) in _challenges.ToList())
        {
            if (challenge.Outcome is not null && now - challenge.CreatedAt > TimeSpan.FromHours(1))
            {
                _challenges.Remove(key);
            }
        }

        foreach (var (key, reply) in _replies.ToList())
        {
            if (now >= reply.ExpiresAt)
            {
                _replies.Remove(key);
            }
        }
    }
}
