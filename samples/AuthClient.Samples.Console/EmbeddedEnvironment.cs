using AuthClient.AspNetCore;
using AuthClient.DependencyInjection;
using AuthClient.Primitives;
using AuthClient.Sessions;
using AuthClient.Testing;
using AuthClient.Transmit;
using AuthClient.Weavr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuthClient.Samples;

/// <summary>
/// What the embedded mode runs in one process: the Weavr + Transmit emulator (<see cref="WeavrSandbox"/>) playing the
/// vendors and the user's phone, and a real ASP.NET Core app on 127.0.0.1 playing your backend — AuthClient with
/// sessions, and the webhook receiver the emulator POSTs its signed webhooks to, over HTTP.
/// </summary>
internal sealed class EmbeddedEnvironment : IAsyncDisposable
{
    /// <summary>Where the backend maps the webhook endpoints (<c>{prefix}/stepup/watch</c>, …).</summary>
    public const string WebhookPrefix = "/webhooks/weavr";

    private EmbeddedEnvironment(WeavrSandbox sandbox, WebApplication backend, Uri webhookUrl, FrontEndOtpCodeProvider frontEnd)
    {
        Sandbox = sandbox;
        Backend = backend;
        WebhookUrl = webhookUrl;
        FrontEnd = frontEnd;
    }

    /// <summary>Gets the emulator: Weavr, Transmit, and the user's phone (it approves push challenges).</summary>
    public WeavrSandbox Sandbox { get; }

    /// <summary>Gets the backend app: AuthClient's services and the webhook receiver.</summary>
    public WebApplication Backend { get; }

    /// <summary>Gets the webhook URL the emulator posts to.</summary>
    public Uri WebhookUrl { get; }

    /// <summary>Gets the user's front end, which types the SMS codes.</summary>
    public FrontEndOtpCodeProvider FrontEnd { get; }

    public IWeavrSessionRegistry Sessions => Backend.Services.GetRequiredService<IWeavrSessionRegistry>();

    public IWeavrAuthClient Weavr => Backend.Services.GetRequiredService<IWeavrAuthClient>();

    public ITransmitBiometricsClient Transmit => Backend.Services.GetRequiredService<ITransmitBiometricsClient>();

    public static async Task<EmbeddedEnvironment> StartAsync(EmbeddedEnvironmentHooks? hooks, CancellationToken cancellationToken)
    {
        var sandbox = await WeavrSandbox.StartAsync(DemoUsers.Seed, cancellationToken);
        try
        {
            var frontEnd = new FrontEndOtpCodeProvider(new Secret(DemoUsers.OtpCode));
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            if (hooks?.Logging is { } logging)
            {
                logging(builder.Logging);
            }
            else
            {
                builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning).AddFilter("Polly", LogLevel.None);
            }

            // Your backend's registration, pointed at the emulator instead of Weavr and Transmit.
            builder.Services.AddSingleton<IOtpCodeProvider>(frontEnd);
            var authClient = builder.Services.AddAuthClient(sandbox.ConfigureAuthClient);
            authClient
                .AddWebhooks()                              // verifies signature-v2 with the api key
                .AddSessions(o =>
                {
                    o.StepUpMethod = StepUpMethod.Otp;     // automatic step-up asks the front end for an SMS code
                    o.PushTimeout = TimeSpan.FromSeconds(30);
                });
            hooks?.AuthClient?.Invoke(authClient);

            var backend = builder.Build();
            backend.MapWeavrWebhooks(WebhookPrefix);
            await backend.StartAsync(cancellationToken);

            // Kestrel picked a free port: tell the emulator where to send its webhooks.
            var webhookUrl = new Uri(backend.Urls.Single() + WebhookPrefix);
            sandbox.WebhookUrl = webhookUrl;
            return new EmbeddedEnvironment(sandbox, backend, webhookUrl, frontEnd);
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Plays the user's phone while <paramref name="pending"/> waits for a push: waits for the challenge, approves it
    /// (the emulator then POSTs the signed <c>/stepup/watch</c> webhook to the backend) and returns that delivery
    /// with the call's result. If the call ends before a challenge appears, its result (or exception) comes back as is.
    /// </summary>
    public async Task<(T Result, SandboxChallenge? Challenge, SandboxWebhookDelivery? Delivery)> ApproveOnPhoneAsync<T>(
        string email, Task<T> pending, CancellationToken cancellationToken)
    {
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var challenge = Sandbox.WaitForPendingChallengeAsync(email, stopWaiting.Token);
        if (await Task.WhenAny(pending, challenge) == pending)
        {
            await stopWaiting.CancelAsync();
            return (await pending, null, null);
        }

        var delivery = await Sandbox.ApproveAsync((await challenge).Id, cancellationToken);
        return (await pending, await challenge, delivery);
    }

    public async ValueTask DisposeAsync()
    {
        await Backend.StopAsync(CancellationToken.None);
        await Backend.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
