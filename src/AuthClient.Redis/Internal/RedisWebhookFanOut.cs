using System.Buffers.Binary;
using System.Text;
using AuthClient.Sessions;
using AuthClient.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AuthClient.Redis.Internal;

/// <summary>
/// Hands every verified webhook event to every instance: the receiving instance publishes it (protected) on a Redis
/// channel and keeps it under a short-lived key for the early-event retention; each instance's subscription feeds its
/// own <see cref="PendingChallengeRegistry"/>, which completes the waiter that started the challenge (or buffers the
/// event until it registers). An instance that subscribes late (start or reconnect) first reads the retained events.
/// A <c>user_deactivated</c> event is published but not retained (it ends the sessions live when it arrives; a later
/// sign-in is Weavr's to refuse) and, on each instance, ends the user's sessions through the session registry.
/// </summary>
internal sealed partial class RedisWebhookFanOut : IWeavrWebhookEventSink
{
    private readonly RedisContext _redis;
    private readonly PendingChallengeRegistry _local;
    private readonly ILogger _logger;
    private readonly IServiceProvider _services;
    private readonly Task _subscribed;

    public RedisWebhookFanOut(RedisContext redis, PendingChallengeRegistry local, IServiceProvider services, ILogger<RedisWebhookFanOut> logger)
    {
        _redis = redis;
        _local = local;
        _services = services;
        _logger = logger;
        _subscribed = SubscribeAsync();
    }

    /// <summary>Completes once this instance receives the events published by the others.</summary>
    public Task WhenSubscribedAsync() => _subscribed;

    public async ValueTask HandleAsync(WeavrWebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        if (webhookEvent is UserDeactivatedEvent)
        {
            var publisher = await _redis.DatabaseAsync().ConfigureAwait(false);
            await publisher.PublishAsync(_redis.WebhookChannel, _redis.Protect(Encode(webhookEvent))).ConfigureAwait(false);
            return;
        }

        if (EarlyId(webhookEvent) is not { } id)
        {
            return;
        }

        var message = _redis.Protect(Encode(webhookEvent));
        var db = await _redis.DatabaseAsync().ConfigureAwait(false);

        // Kept first, then published: a waiter registering in between finds it either way.
        await db.StringSetAsync(_redis.EarlyEventKey(id), message, _redis.EarlyEventRetention).ConfigureAwait(false);
        await db.PublishAsync(_redis.WebhookChannel, message).ConfigureAwait(false);
    }

    private async Task SubscribeAsync()
    {
        var connection = await _redis.ConnectionAsync().ConfigureAwait(false);
        var queue = await connection.GetSubscriber().SubscribeAsync(_redis.WebhookChannel).ConfigureAwait(false);
        queue.OnMessage(message => DeliverAsync((byte[])message.Message!));
        await ReplayRetainedAsync(connection).ConfigureAwait(false);
        connection.ConnectionRestored += (_, _) => _ = ReplayRetainedAsync(connection);
    }

    private async Task ReplayRetainedAsync(IConnectionMultiplexer connection)
    {
        try
        {
            var db = connection.GetDatabase();
            foreach (var server in connection.GetServers())
            {
                await foreach (var key in server.KeysAsync(pattern: _redis.Prefix + "early:*").ConfigureAwait(false))
                {
                    if (await db.StringGetAsync(key).ConfigureAwait(false) is { IsNull: false } value)
                    {
                        await DeliverAsync((byte[])value!).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (RedisException ex)
        {
            LogDeliveryFailed(_logger, ex);
        }
    }

    private async Task DeliverAsync(byte[] message)
    {
        try
        {
            switch (Decode(_redis.Unprotect(message)))
            {
                case UserDeactivatedEvent deactivated:
                    // Resolved here, not injected: the registry needs the store, whose factory creates this fan-out.
                    await _services.GetRequiredService<IWeavrSessionRegistry>()
                        .EndDeactivatedUserSessionsAsync(deactivated.EmailAddress, CancellationToken.None).ConfigureAwait(false);
                    break;
                case { } webhookEvent:
                    await _local.HandleAsync(webhookEvent, CancellationToken.None).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception ex)
        {
            // A message this instance cannot read (another key ring, a corrupt value) must not stop the subscription.
            LogDeliveryFailed(_logger, ex);
        }
    }

    private static string? EarlyId(WeavrWebhookEvent webhookEvent) => webhookEvent switch
    {
        StepUpEvent { ChallengeId.Length: > 0 } stepUp => "stepup:" + stepUp.ChallengeId,
        EnrolmentEvent { CredentialId: { } credential } => $"enrolment:{credential.Type.Value}:{credential.Id}",
        _ => null,
    };

    // kind (1 byte) | published ms (8 bytes) | call-ref length (4 bytes) | call-ref UTF-8 | body (Weavr's wire format).
    private static byte[] Encode(WeavrWebhookEvent webhookEvent)
    {
        var callRef = Encoding.UTF8.GetBytes(webhookEvent.CallRef);
        var body = WeavrWebhookSerializer.SerializeToUtf8Bytes(webhookEvent);
        var buffer = new byte[13 + callRef.Length + body.Length];
        buffer[0] = (byte)WeavrWebhookSerializer.GetKind(webhookEvent);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(1), webhookEvent.PublishedAt.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(9), callRef.Length);
        callRef.CopyTo(buffer, 13);
        body.CopyTo(buffer, 13 + callRef.Length);
        return buffer;
    }

    private static WeavrWebhookEvent? Decode(byte[] buffer)
    {
        var kind = (WeavrWebhookKind)buffer[0];
        var publishedAt = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(buffer.AsSpan(1)));
        var length = BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(9));
        var callRef = Encoding.UTF8.GetString(buffer, 13, length);
        return WeavrWebhookSerializer.Deserialize(kind, callRef, publishedAt, buffer.AsSpan(13 + length));
    }

    [LoggerMessage(EventId = 500, EventName = "RedisWebhookEventUndeliverable", Level = LogLevel.Warning, Message = "A webhook event from Redis could not be delivered to this instance")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception);
}
