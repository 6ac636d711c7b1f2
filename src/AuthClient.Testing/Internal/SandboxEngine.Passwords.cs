using AuthClient.Errors;

namespace AuthClient.Testing.Internal;

/// <summary>The password operations that need no token: the policy check and the forgotten-password flow.</summary>
internal sealed partial class SandboxEngine
{
    /// <summary><c>POST /passwords/validate</c> (api-key only): 204, or 409 with the first rule the password breaks.</summary>
    private SandboxResponse ValidatePassword(SandboxRequest request)
    {
        if (!JsonBody.TryParseObject(request.Body, out var document))
        {
            return WeavrReplies.MalformedBody();
        }

        using (document)
        {
            var password = document!.RootElement.TryGetProperty("password", out var p) ? JsonBody.GetString(p, "value") : null;
            if (password is null)
            {
                return WeavrReplies.BadRequestField("password", "REQUIRED");
            }

            return CheckPasswordPolicy(password) is { } rejection ? WeavrReplies.Conflict(rejection) : WeavrReplies.Empty(204);
        }
    }

    /// <summary><c>POST /passwords/lost_password/start</c>: records that the user may resume with the sandbox's fixed
    /// nonce (<see cref="SandboxRules.LostPasswordNonce"/>) until <see cref="SandboxRules.LostPasswordNonceLifetime"/> passes.</summary>
    private SandboxResponse StartLostPassword(SandboxRequest request)
    {
        if (!JsonBody.TryParseObject(request.Body, out var document))
        {
            return WeavrReplies.MalformedBody();
        }

        using (document)
        {
            var email = JsonBody.GetString(document!.RootElement, "email");
            if (string.IsNullOrWhiteSpace(email))
            {
                return WeavrReplies.BadRequestField("email", "REQUIRED");
            }

            if (!_users.TryGetValue(email, out var user))
            {
                return WeavrReplies.Conflict(WeavrErrorCodes.AccountNotFound);
            }

            user.LostPasswordNonceExpiresAt = _time.GetUtcNow() + _rules.LostPasswordNonceLifetime;
            return WeavrReplies.Empty(204);
        }
    }

    /// <summary><c>POST /passwords/lost_password/resume</c>: the nonce (once, before it expires), then the password
    /// rules; success sets the password, unlocks the account and answers an AUTH token like a password login.</summary>
    private SandboxResponse ResumeLostPassword(SandboxRequest request)
    {
        if (!JsonBody.TryParseObject(request.Body, out var document))
        {
            return WeavrReplies.MalformedBody();
        }

        using (document)
        {
            var root = document!.RootElement;
            var email = JsonBody.GetString(root, "email");
            var nonce = JsonBody.GetString(root, "nonce");
            var newPassword = root.TryGetProperty("newPassword", out var n) ? JsonBody.GetString(n, "value") : null;
            foreach (var (value, field) in new[] { (email, "email"), (nonce, "nonce"), (newPassword, "newPassword") })
            {
                if (string.IsNullOrEmpty(value))
                {
                    return WeavrReplies.BadRequestField(field, "REQUIRED");
                }
            }

            if (!_users.TryGetValue(email!, out var user) || user.LostPasswordNonceExpiresAt is not { } expiresAt
                || !string.Equals(nonce, _rules.LostPasswordNonce, StringComparison.Ordinal))
            {
                return WeavrReplies.Conflict(WeavrErrorCodes.InvalidNonceOrEmail);
            }

            if (_time.GetUtcNow() >= expiresAt)
            {
                user.LostPasswordNonceExpiresAt = null;
                return new SandboxResponse(410, JsonBody.Object("errorCode", WeavrErrorCodes.TokenExpired));
            }

            var rejection = CheckPasswordPolicy(newPassword!)
                ?? (user.PasswordHistory.Contains(newPassword!, StringComparer.Ordinal) ? WeavrErrorCodes.PasswordAlreadyUsed : null);
            if (rejection is not null)
            {
                return WeavrReplies.Conflict(rejection);
            }

            user.LostPasswordNonceExpiresAt = null;
            SetPassword(user, newPassword!);
            user.LockedUntil = null;
            user.FailedLogins = 0;
            var token = IssueToken(TokenKind.Auth, user, user.PrimaryIdentity, NextLoginId());
            return new SandboxResponse(200, JsonBody.Object("token", token.Value));
        }
    }
}
