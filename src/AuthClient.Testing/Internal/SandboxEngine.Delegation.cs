using System.Security.Cryptography;
using System.Text.Json;
using AuthClient.Primitives;
using AuthClient.Weavr.Models;
using AuthClient.Webhooks;

namespace AuthClient.Testing.Internal;

/// <summary>
/// <c>/access_token</c> without an AUTH token (a delegated client's assertion, or a one-time token) and the deactivation
/// of a user (tokens revoked, logins refused, the signed <c>user_deactivated</c> webhook sent).
/// </summary>
internal sealed partial class SandboxEngine
{
    private readonly Dictionary<string, OneTimeTokenState> _oneTimeTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (UserState User, IdentityId Identity)> _assertions = new(StringComparer.Ordinal);

    public Secret IssueOneTimeToken(string email, IdentityId? identity)
    {
        lock (_gate)
        {
            var user = FindUser(email);
            var value = NewOpaqueValue();
            _oneTimeTokens.Add(value, new OneTimeTokenState
            {
                User = user,
                Identity = OwnIdentity(user, identity),
                ExpiresAt = _time.GetUtcNow() + _rules.OneTimeTokenLifetime,
            });
            return new Secret(value);
        }
    }

    public Secret RegisterClientAssertion(string email, IdentityId? identity)
    {
        lock (_gate)
        {
            var user = FindUser(email);
            var value = NewOpaqueValue();
            _assertions.Add(value, (user, OwnIdentity(user, identity)));
            return new Secret(value);
        }
    }

    public Task<SandboxWebhookDelivery> DeactivateUserAsync(string email, string reasonCode, CancellationToken cancellationToken)
    {
        UserDeactivatedEvent deactivated;
        lock (_gate)
        {
            var user = FindUser(email);
            user.Deactivated = true;
            foreach (var token in _tokens.Values)
            {
                if (ReferenceEquals(token.User, user))
                {
                    token.Revoked = true;
                }
            }

            deactivated = new UserDeactivatedEvent
            {
                CallRef = Guid.NewGuid().ToString("N"),
                PublishedAt = _time.GetUtcNow(),
                EmailAddress = user.Email,
                ActionDoneBy = "ADMIN",
                ReasonCode = reasonCode,
            };
        }

        return _webhooks.DeliverAsync(deactivated, cancellationToken);
    }

    /// <summary>
    /// The api-key-only forms of <c>/access_token</c>; <see langword="null"/> when the body carries neither
    /// <c>clientAssertion</c> nor <c>token</c> (then the AUTH-token form applies).
    /// </summary>
    private SandboxResponse? AccessTokenWithoutBearer(SandboxRequest request)
    {
        if (!JsonBody.TryParseObject(request.Body, out var document))
        {
            return null;
        }

        using (document)
        {
            var root = document!.RootElement;
            var assertion = JsonBody.GetString(root, "clientAssertion");
            var oneTime = JsonBody.GetString(root, "token");
            if (assertion is null && oneTime is null)
            {
                return null;
            }

            if (assertion is not null && oneTime is not null)
            {
                return WeavrReplies.BadRequest("Send either clientAssertion or token, not both.");
            }

            if (!root.TryGetProperty("identity", out var requested) || requested.ValueKind != JsonValueKind.Object)
            {
                return WeavrReplies.BadRequestField("identity", "REQUIRED");
            }

            var id = JsonBody.GetString(requested, "id");
            var type = JsonBody.GetString(requested, "type");
            var now = _time.GetUtcNow();
            UserState user;
            IdentityId identity;
            if (oneTime is not null)
            {
                // Unknown, used, expired or for another identity: 401, and an expired or used token is gone for good.
                if (!_oneTimeTokens.TryGetValue(oneTime, out var issued) || issued.Used || now >= issued.ExpiresAt)
                {
                    return WeavrReplies.Unauthorized();
                }

                if (issued.Identity.Id != id || issued.Identity.Type.Value != type)
                {
                    return WeavrReplies.Unauthorized();
                }

                issued.Used = true;
                (user, identity) = (issued.User, issued.Identity);
            }
            else
            {
                if (!_assertions.TryGetValue(assertion!, out var registered) || registered.Identity.Id != id || registered.Identity.Type.Value != type)
                {
                    return WeavrReplies.Unauthorized();
                }

                (user, identity) = registered;
            }

            if (user.Deactivated)
            {
                return WeavrReplies.Unauthorized();
            }

            if (IsLocked(user, now))
            {
                return WeavrReplies.Locked();
            }

            return AccessTokenAnswer(IssueToken(TokenKind.Access, user, identity, NextLoginId()));
        }
    }

    private static IdentityId OwnIdentity(UserState user, IdentityId? identity)
    {
        if (identity is null)
        {
            return user.PrimaryIdentity;
        }

        return user.FindIdentity(identity.Id) is { } owned && owned.Id.Type == identity.Type
            ? owned.Id
            : throw new ArgumentException($"The user {user.Email} has no identity {identity.Type}/{identity.Id}.", nameof(identity));
    }

    private static string NewOpaqueValue() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
