using System.Text.Json;
using AuthClient.DependencyInjection;
using AuthClient.Sessions;
using AuthClient.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AuthClient.AspNetCore.Tests.EndToEnd;

/// <summary>
/// The whole product in one process, over real HTTP: a <see cref="WeavrSandbox"/> (Weavr and the user's phone) and a
/// Kestrel backend on 127.0.0.1 with <c>AddAuthClient(sandbox.ConfigureAuthClient).AddWebhooks().AddSessions()</c> and
/// <c>MapWeavrWebhooks</c>; the sandbox POSTs its signed webhooks to that backend.
/// </summary>
internal sealed class EndToEndHost : IAsyncDisposable
{
    public const string Prefix = "/webhooks/weavr";

    /// <summary>Real-time hang guard for awaiting the flows: generous, never reached when the code works.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private EndToEndHost(WeavrSandbox sandbox, WebApplication app, FakeLogCollector logs, FakeTimeProvider? time)
    {
        Sandbox = sandbox;
        App = app;
        Logs = logs;
        Time = time;
        WebhookUrl = new Uri(app.Urls.Single() + Prefix);
    }

    public WeavrSandbox Sandbox { get; }

    public WebApplication App { get; }

    public FakeLogCollector Logs { get; }

    /// <summary>Gets the backend's clock when the test asked for a fake one.</summary>
    public FakeTimeProvider? Time { get; }

    public Uri WebhookUrl { get; }

    public IWeavrSessionRegistry Sessions => App.Services.GetRequiredService<IWeavrSessionRegistry>();

    public PendingChallengeRegistry Challenges => App.Services.GetRequiredService<PendingChallengeRegistry>();

    /// <summary>Starts the sandbox with <paramref name="users"/>, then the backend, and points the sandbox's webhooks at it.</summary>
    /// <param name="users">Seeds the sandbox.</param>
    /// <param name="signingKey">The receiver's signing key; default the api key (as Weavr signs).</param>
    /// <param name="time">A fake clock for the backend (sessions and receiver); default the system clock.</param>
    public static async Task<EndToEndHost> StartAsync(Action<SandboxBuilder> users, string? signingKey = null, FakeTimeProvider? time = null)
    {
        var sandbox = await WeavrSandbox.StartAsync(users);
        try
        {
            var logs = new FakeLogCollector();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Trace);
            if (time is not null)
            {
                builder.Services.AddSingleton<TimeProvider>(time);
            }

            builder.Services.AddAuthClient(sandbox.ConfigureAuthClient)
                .AddWebhooks(o =>
                {
                    if (signingKey is not null)
                    {
                        o.SigningKey = signingKey;
                    }
                })
                .AddSessions(o => o.StepUpMethod = StepUpMethod.Push);
            var app = builder.Build();
            app.MapWeavrWebhooks(Prefix);
            await app.StartAsync();
            var host = new EndToEndHost(sandbox, app, logs, time);
            sandbox.WebhookUrl = host.WebhookUrl;
            return host;
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>The AUTH token a <c>/stepup/watch</c> delivery carried (biometric login), read from the raw body.</summary>
    public static string? AuthTokenOf(SandboxWebhookDelivery delivery)
    {
        using var json = JsonDocument.Parse(delivery.Body);
        return json.RootElement.TryGetProperty("authToken", out var token) ? token.GetString() : null;
    }

    /// <summary>Everything the backend logged, messages and exceptions, to check that no secret leaked.</summary>
    public string LogText() => string.Join("\n", Logs.GetSnapshot().Select(r => $"{r.Message} {r.Exception}"));

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
