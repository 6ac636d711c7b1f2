using System.Text.Json;
using AuthClient.Primitives;
using AuthClient.Weavr.Models;

namespace AuthClient.Webhooks.Internal;

/// <summary>Maps webhook bodies to and from the public event records, through the source-generated context.</summary>
internal static class WebhookEventCodec
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Parses a verified body; <see langword="null"/> when it is not the JSON event of <paramref name="kind"/>.</summary>
    public static WeavrWebhookEvent? Parse(WeavrWebhookKind kind, string callRef, DateTimeOffset publishedAt, ReadOnlySpan<byte> body)
    {
        if (body.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        try
        {
            return kind switch
            {
                WeavrWebhookKind.StepUp => ToEvent(JsonSerializer.Deserialize(body, WebhookJsonContext.Default.StepUpEventPayload), callRef, publishedAt),
                WeavrWebhookKind.Login => ToEvent(JsonSerializer.Deserialize(body, WebhookJsonContext.Default.LoginEventPayload), callRef, publishedAt),
                WeavrWebhookKind.Enrolment => ToEvent(JsonSerializer.Deserialize(body, WebhookJsonContext.Default.EnrolmentEventPayload), callRef, publishedAt),
                WeavrWebhookKind.UserDeactivated => ToEvent(JsonSerializer.Deserialize(body, WebhookJsonContext.Default.UserDeactivatedEventPayload), callRef, publishedAt),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes an event in Weavr's wire format (<c>publishedTimestamp</c> as a ms-epoch string; the auth token revealed).</summary>
    public static byte[] Serialize(WeavrWebhookEvent webhookEvent)
    {
        var publishedTimestamp = WeavrWebhookSigner.FormatTimestamp(webhookEvent.PublishedAt);
        return webhookEvent switch
        {
            StepUpEvent e => JsonSerializer.SerializeToUtf8Bytes(
                new StepUpEventPayload
                {
                    Credential = ToPayload(e.Credential),
                    Identity = ToPayload(e.Identity),
                    ChallengeId = e.ChallengeId,
                    Type = e.Type,
                    Status = e.Status.Value,
                    PublishedTimestamp = publishedTimestamp,
                    AuthToken = e.AuthToken?.Reveal(),
                },
                WebhookJsonContext.Default.StepUpEventPayload),
            LoginEvent e => JsonSerializer.SerializeToUtf8Bytes(
                new LoginEventPayload
                {
                    Credential = ToPayload(e.Credential),
                    Identity = ToPayload(e.Identity),
                    Type = e.Type,
                    Status = e.Status.Value,
                    PublishedTimestamp = publishedTimestamp,
                },
                WebhookJsonContext.Default.LoginEventPayload),
            EnrolmentEvent e => JsonSerializer.SerializeToUtf8Bytes(
                new EnrolmentEventPayload
                {
                    CredentialId = ToPayload(e.CredentialId),
                    Type = e.Type,
                    Status = e.Status.Value,
                    PublishedTimestamp = publishedTimestamp,
                },
                WebhookJsonContext.Default.EnrolmentEventPayload),
            UserDeactivatedEvent e => JsonSerializer.SerializeToUtf8Bytes(
                new UserDeactivatedEventPayload { ActionDoneBy = e.ActionDoneBy, EmailAddress = e.EmailAddress, ReasonCode = e.ReasonCode },
                WebhookJsonContext.Default.UserDeactivatedEventPayload),
            _ => throw new ArgumentException($"Unsupported webhook event type {webhookEvent.GetType().Name}.", nameof(webhookEvent)),
        };
    }

    private static StepUpEvent? ToEvent(StepUpEventPayload? p, string callRef, DateTimeOffset publishedAt) =>
        p is null || IsMissing(p.ChallengeId) || IsMissing(p.Type) || IsMissing(p.Status)
            ? null
            : new StepUpEvent
            {
                CallRef = callRef,
                PublishedAt = publishedAt,
                ChallengeId = p.ChallengeId,
                Type = p.Type,
                Status = WebhookChallengeStatus.FromValue(p.Status),
                Credential = ToCredential(p.Credential),
                Identity = ToIdentity(p.Identity),

                // "" is what Weavr sends for a verified OTP/Authy step-up: no token.
                AuthToken = Secret.FromNullable(p.AuthToken),
            };

    private static LoginEvent? ToEvent(LoginEventPayload? p, string callRef, DateTimeOffset publishedAt) =>
        p is null || IsMissing(p.Type) || IsMissing(p.Status)
            ? null
            : new LoginEvent
            {
                CallRef = callRef,
                PublishedAt = publishedAt,
                Type = p.Type,
                Status = WebhookChallengeStatus.FromValue(p.Status),
                Credential = ToCredential(p.Credential),
                Identity = ToIdentity(p.Identity),
            };

    private static EnrolmentEvent? ToEvent(EnrolmentEventPayload? p, string callRef, DateTimeOffset publishedAt) =>
        p is null || IsMissing(p.Type) || IsMissing(p.Status)
            ? null
            : new EnrolmentEvent
            {
                CallRef = callRef,
                PublishedAt = publishedAt,
                Type = p.Type,
                Status = ScaFactorStatus.FromValue(p.Status),
                CredentialId = ToCredential(p.CredentialId),
            };

    // All three fields are required by the spec; without the address the event cannot name whose sessions end.
    private static UserDeactivatedEvent? ToEvent(UserDeactivatedEventPayload? p, string callRef, DateTimeOffset publishedAt) =>
        p is null || IsMissing(p.EmailAddress) || IsMissing(p.ActionDoneBy) || IsMissing(p.ReasonCode)
            ? null
            : new UserDeactivatedEvent
            {
                CallRef = callRef,
                PublishedAt = publishedAt,
                EmailAddress = p.EmailAddress,
                ActionDoneBy = p.ActionDoneBy,
                ReasonCode = p.ReasonCode,
            };

    private static bool IsMissing([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] string? value) => string.IsNullOrEmpty(value);

    // Lenient: an incomplete credential or identity becomes null rather than losing the whole event.
    private static CredentialId? ToCredential(CredentialPayload? p) =>
        p is null || IsMissing(p.Type) || IsMissing(p.Id) ? null : new CredentialId(CredentialType.FromValue(p.Type), p.Id);

    private static WebhookIdentity? ToIdentity(IdentityPayload? p) =>
        p is null || IsMissing(p.Type) || IsMissing(p.Id) ? null : new WebhookIdentity(p.Type, p.Id);

    private static CredentialPayload? ToPayload(CredentialId? credential) =>
        credential is null ? null : new CredentialPayload { Type = credential.Type.Value, Id = credential.Id };

    private static IdentityPayload? ToPayload(WebhookIdentity? identity) =>
        identity is null ? null : new IdentityPayload { Type = identity.Type, Id = identity.Id };
}
