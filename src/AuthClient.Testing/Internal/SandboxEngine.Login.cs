using System.Globalization;
using System.Text.Json;
using AuthClient.Errors;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Internal;

/// <summary>Logins, identities, token exchange, logout and password update.</summary>
internal sealed partial class SandboxEngine
{
    private SandboxResponse LoginWithPassword(SandboxRequest request)
    {
        if (!JsonBody.TryParseObject(request.Body, out var document))
        {
            return WeavrReplies.MalformedBody();
        }

        using (document)
        {
            var root = document!.RootElement;
            var email = JsonBody.GetString(root, "email");
            if (string.IsNullOrWhiteSpace(email))
            {
                return WeavrReplies.BadRequestEmbedded("request.email: must not be blank");
            }

            var password = root.TryGetProperty("password", out var passwordObject) ? JsonBody.GetString(passwordObject, "value") : null;
            if (password is null)
            {
                return WeavrReplies.BadRequestEmbedded("request.password.value: must not be null");
            }

            if (!_users.TryGetValue(email, out var user) || user.Deactivated)
            {
                return WeavrReplies.Forbidden();
            }

            var now = _time.GetUtcNow();
            if (IsLocked(user, now))
            {
                return WeavrReplies.Locked();
            }

            if (!string.Equals(password, user.Password, StringComparison.Ordinal))
            {
                if (++user.FailedLogins >= _rules.LoginAttemptLimit)
                {
                    user.LockedUntil = now + _rules.LockoutDuration;
                }

                return WeavrReplies.Forbidden();
            }

            user.FailedLogins = 0;
            var loginId = NextLoginId();
            if (user.PasswordExpired)
            {
                var temporary = IssueToken(TokenKind.Temporary, user, user.PrimaryIdentity, loginId);
                return new SandboxResponse(409, JsonBody.Object("token", temporary.Value));
            }

            var token = IssueToken(TokenKind.Auth, user, user.PrimaryIdentity, loginId);
            return new SandboxResponse(200, JsonBody.Write(token, static (w, t) =>
            {
                w.WriteStartObject();
                w.WriteString("token", t.Value);
                w.WriteString("tokenType", "AUTH");
                JsonBody.WriteIdentity(w, "identity", t.Identity);
                JsonBody.WriteCredential(w, "credentials", t.User.Credential);
                w.WriteEndObject();
            }));
        }
    }

    private SandboxResponse LoginViaBiometrics(SandboxRequest request)
    {
        if (!JsonBody.TryParseObject(request.Body, out var document))
        {
            return WeavrReplies.MalformedBody();
        }

        using (document)
        {
            var root = document!.RootElement;
            var email = JsonBody.GetString(root, "email");
            if (string.IsNullOrWhiteSpace(email))
            {
                return WeavrReplies.BadRequestEmbedded("request.email: must not be blank");
            }

            if (!_users.TryGetValue(email, out var user) || user.Deactivated)
            {
                return WeavrReplies.Forbidden();
            }

            if (IsLocked(user, _time.GetUtcNow()))
            {
                return WeavrReplies.Locked();
            }

            if (!_rules.BiometricsEnabled)
            {
                return WeavrReplies.Conflict(WeavrErrorCodes.ChannelNotSupported);
            }

            if (!user.IsFactorActive(ScaChannel.Biometric))
            {
                return WeavrReplies.Conflict(WeavrErrorCodes.ChannelNotRegistered);
            }

            var identity = user.PrimaryIdentity;
            if (root.TryGetProperty("identity", out var requested) && requested.ValueKind == JsonValueKind.Object)
            {
                var match = user.FindIdentity(JsonBody.GetString(requested, "id") ?? string.Empty);
                if (match is null || match.Id.Type.Value != JsonBody.GetString(requested, "type"))
                {
                    return WeavrReplies.Forbidden();
                }

                identity = match.Id;
            }

            var challenge = CreateChallenge(SandboxChallengeKind.BiometricLogin, ScaChannel.Biometric, user, identity, token: null);
            return new SandboxResponse(200, JsonBody.Object("challengeId", challenge.Id)) { AfterSent = AutoApproval(challenge) };
        }
    }

    private SandboxResponse Identities(SandboxRequest request)
    {
        if (Authenticate(request, TokenUse.AuthOrAccess, out var token) is { } refused)
        {
            return refused;
        }

        if (!TryReadInt(request.Query("offset"), 0, out var offset) || offset < 0)
        {
            return WeavrReplies.BadRequestField("offset", "AT_LEAST", "0");
        }

        if (!TryReadInt(request.Query("limit"), 100, out var limit) || limit is < 1 or > 100)
        {
            return WeavrReplies.BadRequestField("limit", "RANGE", "1", "100");
        }

        var all = token.User.Identities;
        var page = all.Skip(offset).Take(limit).ToList();
        return new SandboxResponse(200, JsonBody.Write((page, all.Count), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteStartArray("identities");
            foreach (var identity in s.page)
            {
                w.WriteStartObject();
                JsonBody.WriteIdentity(w, "id", identity.Id);
                w.WriteString("name", identity.Name);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("count", s.Count);
            w.WriteNumber("responseCount", s.page.Count);
            w.WriteEndObject();
        }));
    }

    private SandboxResponse AccessToken(SandboxRequest request)
    {
        if (request.Header("Authorization") is null && AccessTokenWithoutBearer(request) is { } withoutBearer)
        {
            return withoutBearer;
        }

        if (Authenticate(request, TokenUse.AuthOrAccess, out var source) is { } refused)
        {
            return refused;
        }

        if (!JsonBody.TryParseObject(request.Body, out var document))
        {
            return WeavrReplies.BadRequestField("identity", "REQUIRED");
        }

        using (document)
        {
            var root = document!.RootElement;
            if (!root.TryGetProperty("identity", out var requested) || requested.ValueKind != JsonValueKind.Object)
            {
                return WeavrReplies.BadRequestField("identity", "REQUIRED");
            }

            var id = JsonBody.GetString(requested, "id");
            var type = JsonBody.GetString(requested, "type");
            if (string.IsNullOrEmpty(id))
            {
                return WeavrReplies.BadRequestField("identity.id", "REQUIRED");
            }

            if (string.IsNullOrEmpty(type))
            {
                return WeavrReplies.BadRequestField("identity.type", "REQUIRED");
            }

            var user = source.User;
            if (IsLocked(user, _time.GetUtcNow()))
            {
                return WeavrReplies.Locked();
            }

            // Observed: an id the user does not own → 404; the right id with the wrong type → 401.
            var identity = user.FindIdentity(id);
            if (identity is null)
            {
                return WeavrReplies.NotFound();
            }

            if (identity.Id.Type.Value != type)
            {
                return WeavrReplies.Unauthorized();
            }

            return AccessTokenAnswer(IssueToken(TokenKind.Access, user, identity.Id, source.LoginId, source.FromBiometricLogin));
        }
    }

    private static SandboxResponse AccessTokenAnswer(TokenState access) =>
        new(200, JsonBody.Write(access, static (w, t) =>
        {
            w.WriteStartObject();
            w.WriteString("token", t.Value);
            JsonBody.WriteIdentity(w, "identity", t.Identity);
            JsonBody.WriteCredential(w, "credentials", t.User.Credential);
            w.WriteString("status", t.SteppedUp ? "STEPPED_UP" : "STANDARD");
            w.WriteEndObject();
        }));

    private SandboxResponse Logout(SandboxRequest request)
    {
        if (Authenticate(request, TokenUse.AccessOnly, out var token) is { } refused)
        {
            return refused;
        }

        foreach (var other in _tokens.Values)
        {
            if (other.LoginId == token.LoginId)
            {
                other.Revoked = true;
            }
        }

        return WeavrReplies.Empty(204);
    }

    private SandboxResponse UpdatePassword(SandboxRequest request)
    {
        if (Authenticate(request, TokenUse.PasswordUpdate, out var token) is { } refused)
        {
            return refused;
        }

        if (!JsonBody.TryParseObject(request.Body, out var document))
        {
            return WeavrReplies.MalformedBody();
        }

        using (document)
        {
            var root = document!.RootElement;
            var oldPassword = root.TryGetProperty("oldPassword", out var o) ? JsonBody.GetString(o, "value") : null;
            var newPassword = root.TryGetProperty("newPassword", out var n) ? JsonBody.GetString(n, "value") : null;
            if (oldPassword is null)
            {
                return WeavrReplies.BadRequestField("oldPassword", "REQUIRED");
            }

            if (newPassword is null)
            {
                return WeavrReplies.BadRequestField("newPassword", "REQUIRED");
            }

            var user = token.User;
            var rejection = CheckNewPassword(user, oldPassword, newPassword);
            if (rejection is not null)
            {
                return WeavrReplies.Conflict(rejection);
            }

            SetPassword(user, newPassword);
            if (token.Kind == TokenKind.Temporary)
            {
                token.Revoked = true;
            }

            var fresh = IssueToken(TokenKind.Auth, user, user.PrimaryIdentity, NextLoginId());
            return new SandboxResponse(200, JsonBody.Write(fresh, static (w, t) =>
            {
                w.WriteStartObject();
                w.WriteStartObject("passwordInfo");
                JsonBody.WriteIdentity(w, "identityId", t.Identity);
                w.WriteNumber("expiryDate", 0);
                w.WriteEndObject();
                w.WriteString("token", t.Value);
                w.WriteEndObject();
            }));
        }
    }

    /// <summary>Sets a new password (kept in the history) and clears its expiry.</summary>
    private void SetPassword(UserState user, string newPassword)
    {
        user.Password = newPassword;
        user.PasswordHistory.Insert(0, newPassword);
        if (user.PasswordHistory.Count > _rules.PasswordHistorySize)
        {
            user.PasswordHistory.RemoveRange(_rules.PasswordHistorySize, user.PasswordHistory.Count - _rules.PasswordHistorySize);
        }

        user.PasswordExpired = false;
    }

    /// <summary>Weavr's password policy (API.md §1.3), checked in the order a user would fix them.</summary>
    private string? CheckNewPassword(UserState user, string oldPassword, string newPassword)
    {
        if (!string.Equals(oldPassword, user.Password, StringComparison.Ordinal))
        {
            return WeavrErrorCodes.PasswordIncorrect;
        }

        return CheckPasswordPolicy(newPassword)
            ?? (user.PasswordHistory.Contains(newPassword, StringComparer.Ordinal) ? WeavrErrorCodes.PasswordAlreadyUsed : null);
    }

    /// <summary>The complexity checks alone (<c>/passwords/validate</c>): length, then the four character classes.</summary>
    private string? CheckPasswordPolicy(string newPassword)
    {
        if (newPassword.Length < _rules.PasswordMinLength)
        {
            return WeavrErrorCodes.PasswordTooShort;
        }

        if (newPassword.Length > _rules.PasswordMaxLength)
        {
            return WeavrErrorCodes.PasswordTooLong;
        }

        var complex = newPassword.Any(char.IsLower) && newPassword.Any(char.IsUpper) &&
            newPassword.Any(char.IsDigit) && newPassword.Any(c => !char.IsLetterOrDigit(c));
        return complex ? null : WeavrErrorCodes.PasswordTooSimple;
    }

    private bool IsLocked(UserState user, DateTimeOffset now)
    {
        if (user.LockedUntil is not { } until)
        {
            return false;
        }

        if (now < until)
        {
            return true;
        }

        user.LockedUntil = null;
        user.FailedLogins = 0;
        return false;
    }

    private static bool TryReadInt(string? text, int fallback, out int value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
