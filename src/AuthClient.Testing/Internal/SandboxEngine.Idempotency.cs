using System.Security.Cryptography;

namespace AuthClient.Testing.Internal;

internal sealed partial class SandboxEngine
{
    /// <summary>Weavr keeps an idempotency-ref unique for at least 24 hours.</summary>
    private static readonly TimeSpan ReplayWindow = TimeSpan.FromHours(24);

    /// <summary>Runs an operation that declares <c>idempotency-ref</c>: a repeat of the same call (method, path, token,
    /// ref and body) within 24 h gets the first answer again instead of running twice. A refusal before the operation
    /// ran (401, or 403 such as <c>STEP_UP_REQUIRED</c>) is not remembered: once allowed, the same call runs, which is
    /// what lets a client step up and replay the call with its idempotency-ref. With
    /// <see cref="SandboxRules.RememberRefusedCalls"/> a 403 is remembered too (whether Weavr does is undocumented):
    /// the replay after a step-up gets the same 403, and only a fresh ref runs the call.</summary>
    private SandboxResponse Idempotent(SandboxRequest request, Func<SandboxResponse> run)
    {
        var reference = request.Header("idempotency-ref");
        if (!_rules.IdempotencyReplay || string.IsNullOrEmpty(reference))
        {
            return run();
        }

        var key = string.Concat(request.Method, " ", request.Path, "\n", request.Header("Authorization"), "\n", reference);
        var bodyHash = SHA256.HashData(request.Body.Span);
        var now = _time.GetUtcNow();
        if (_replies.TryGetValue(key, out var reply) && now < reply.ExpiresAt && reply.RequestBodyHash.AsSpan().SequenceEqual(bodyHash))
        {
            // The token must still be good: an expired or logged-out token gets its 401, not the old answer.
            return Authenticate(request, TokenUse.AccessOnly, out _) ?? reply.ToResponse();
        }

        var response = run();
        if (response.StatusCode < 500 && response.StatusCode != 401 && (response.StatusCode != 403 || _rules.RememberRefusedCalls))
        {
            _replies[key] = new IdempotentReply
            {
                RequestBodyHash = bodyHash,
                StatusCode = response.StatusCode,
                Body = response.Body,
                ContentType = response.ContentType,
                ExpiresAt = now + ReplayWindow,
            };
        }

        return response;
    }
}
