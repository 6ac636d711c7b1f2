using System.Text;
using AuthClient.Redis.Internal;
using AuthClient.Sessions;
using AuthClient.Testing;
using AuthClient.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Redis.Tests;

/// <summary>
/// A <c>user_deactivated</c> webhook received by one instance ends the user's sessions live on every instance: it goes
/// through the same Redis pub/sub path as the other webhook events, and the ended state is what the shared store holds.
/// </summary>
public sealed class RedisUserDeactivationTests
{
    private const string Email = "ada@example.com";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [RedisFact]
    public async Task DeactivationReceivedOnB_EndsTheSessionLiveOnA_AndTheStoreSaysWhy()
    {
        await using var sandbox = await WeavrSandbox.StartAsync(b => b.WithUser(u => u.Email(Email)).WithUser(u => u.Email("grace@example.com")));
        using var redis = await RedisServer.ConnectAsync();
        var prefix = RedisServer.NewPrefix();
        await using var a = RedisServer.Instance(redis, prefix, null, null, sandbox.ConfigureAuthClient, null, null);
        await using var b = RedisServer.Instance(redis, prefix, null, null, sandbox.ConfigureAuthClient, null, null);
        var sessionsA = a.GetRequiredService<IWeavrSessionRegistry>();
        await a.GetRequiredService<RedisWebhookFanOut>().WhenSubscribedAsync();
        var ada = await sessionsA.SignInWithPasswordAsync("ada", "Ada@Example.COM", SandboxUser.DefaultPassword);
        var grace = await sessionsA.SignInWithPasswordAsync("grace", "grace@example.com", SandboxUser.DefaultPassword);
        var ended = new TaskCompletionSource<WeavrSessionState>(TaskCreationOptions.RunContinuationsAsynchronously);
        ada.StateChanged += (_, e) => ended.TrySetResult(e.State);

        // The sandbox records the signed delivery (no URL set); instance B receives it, as Weavr would call any instance.
        var delivery = await sandbox.DeactivateUserAsync(Email, "ACCOUNT_SECURITY");
        var headers = new WeavrWebhookHeaders { CallRef = delivery.CallRef, PublishedTimestamp = delivery.PublishedTimestamp, SignatureV2 = delivery.SignatureV2 };
        var received = await b.GetRequiredService<WeavrWebhookReceiver>().ReceiveAsync(delivery.Path, headers, Encoding.UTF8.GetBytes(delivery.Body));

        Assert.True(received.IsAccepted);
        Assert.Equal(WeavrSessionState.Deactivated, await ended.Task.WaitAsync(HangGuard));
        Assert.Equal(WeavrSessionState.Deactivated, ada.State);
        Assert.Equal(WeavrSessionState.Access, grace.State);

        // Instance B, which never held the session, reads it from the shared store as ended, and why.
        var seenOnB = await b.GetRequiredService<IWeavrSessionRegistry>().FindAsync("ada");
        Assert.Equal(WeavrSessionState.Deactivated, seenOnB!.State);
        Assert.Null(seenOnB.Token);

        // A deactivation is published, not retained: a later subscriber does not replay it onto new sign-ins.
        Assert.Empty(redis.GetServers()[0].Keys(pattern: prefix + "early:*"));
    }
}
