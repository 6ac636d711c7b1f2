using System.Diagnostics;
using AuthClient.AspNetCore;
using AuthClient.DependencyInjection;
using AuthClient.Redis;
using AuthClient.Sessions;
using AuthClient.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AuthClient.Samples.WebFarm;

/// <summary>
/// One backend instance of the farm: a real ASP.NET Core app on its own Kestrel port and service provider, with its
/// own Redis connection, sharing the Redis server, the Data Protection keys and the emulator with the other instances.
/// It serves the Weavr webhooks and a small demo API on the users' sessions.
/// </summary>
internal sealed class Backend : IAsyncDisposable
{
    public const int Count = 3;
    public const string WebhookPrefix = "/webhooks/weavr";

    private Backend(int number, WebApplication app, IConnectionMultiplexer redis)
    {
        Number = number;
        App = app;
        Redis = redis;
        BaseUrl = new Uri(app.Urls.Single());
        WebhookUrl = new Uri(app.Urls.Single() + WebhookPrefix);
    }

    public int Number { get; }

    public WebApplication App { get; }

    /// <summary>Gets this instance's own Redis connection (closed by step 5 on instance 2).</summary>
    public IConnectionMultiplexer Redis { get; }

    public Uri BaseUrl { get; }

    public Uri WebhookUrl { get; }

    public static async Task<Backend> StartAsync(int number, FarmSettings farm, CancellationToken cancellationToken)
    {
        var configuration = ConfigurationOptions.Parse(farm.RedisAddress);
        configuration.AbortOnConnectFail = true;
        configuration.ConnectTimeout = 2000;
        var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();

            // Your backend's registration: sessions and webhooks, shared across the farm through Redis.
            builder.Services.AddSingleton<IOtpCodeProvider>(farm.FrontEnd);
            builder.Services.AddAuthClient(farm.Sandbox.ConfigureAuthClient)
                .AddWebhooks()
                .AddSessions(o => o.StepUpMethod = StepUpMethod.Otp)
                .AddRedis(redis, o =>
                {
                    o.KeyPrefix = farm.KeyPrefix;
                    o.Protector = farm.Protector; // a farm shares its Data Protection keys (e.g. PersistKeysToStackExchangeRedis)
                });

            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                if (context.Request.Path.StartsWithSegments(WebhookPrefix, StringComparison.Ordinal))
                {
                    farm.Clock.Arrived(number);
                }

                await next(context);
            });
            app.MapWeavrWebhooks(WebhookPrefix);
            MapApi(app);
            await app.StartAsync(cancellationToken);
            return new Backend(number, app, redis);
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        await Redis.DisposeAsync();
    }

    // The demo API a load balancer would spread over the instances: each request finds the user's session on this instance.
    private static void MapApi(WebApplication app)
    {
        var users = app.MapGroup("/api/users/{userKey}");
        users.MapPost("/password-sign-in", (string userKey, PasswordSignIn body, IWeavrSessionRegistry sessions, CancellationToken ct) => Guard(async () =>
        {
            var session = await sessions.SignInWithPasswordAsync(userKey, body.Email, body.Password, ct);
            return Results.Json(new ApiAnswer("SignedIn", session.State.ToString()));
        }));
        users.MapPost("/biometric-sign-in", (string userKey, BiometricSignIn body, IWeavrSessionRegistry sessions, CancellationToken ct) => Guard(async () =>
        {
            var result = await sessions.SignInWithBiometricsAsync(userKey, body.Email, cancellationToken: ct);
            var completedAt = Stopwatch.GetTimestamp();
            return Results.Json(new ApiAnswer(result.Outcome.ToString(), result.Session.State.ToString(), CompletedAt: completedAt));
        }));
        users.MapGet("/factors", (string userKey, IWeavrSessionRegistry sessions, CancellationToken ct) => Guard(async () =>
        {
            if (await sessions.FindAsync(userKey, ct) is not { } session)
            {
                return Results.Json(new ApiAnswer("NoSession"), statusCode: StatusCodes.Status404NotFound);
            }

            var factors = await session.GetAuthenticationFactorsAsync(ct);
            return Results.Json(new ApiAnswer("Listed", session.State.ToString(), factors.Count));
        }));
        users.MapGet("/state", (string userKey, IWeavrSessionRegistry sessions, CancellationToken ct) => Guard(async () =>
        {
            var session = await sessions.FindAsync(userKey, ct);
            return Results.Json(new ApiAnswer(session is null ? "NoSession" : "Found", session?.State.ToString()));
        }));
        users.MapPost("/logout", (string userKey, IWeavrSessionRegistry sessions, CancellationToken ct) => Guard(async () =>
        {
            if (await sessions.FindAsync(userKey, ct) is not { } session)
            {
                return Results.Json(new ApiAnswer("NoSession"), statusCode: StatusCodes.Status404NotFound);
            }

            await session.LogoutAsync(ct);
            return Results.Json(new ApiAnswer("LoggedOut", session.State.ToString()));
        }));
    }

    // AuthClient's typed errors become answers the driver can check: the store unreachable is 503, a session that
    // cannot do the call (logged out, expired, step-up failed) is 409, anything else 500.
    private static async Task<IResult> Guard(Func<Task<IResult>> handle)
    {
        try
        {
            return await handle();
        }
        catch (WeavrSessionStoreException ex)
        {
            return Results.Json(new ApiAnswer("Failed", Error: ex.GetType().Name), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (WeavrSessionException ex)
        {
            return Results.Json(new ApiAnswer("Failed", ex.State.ToString(), Error: ex.GetType().Name), statusCode: StatusCodes.Status409Conflict);
        }
        catch (Exception ex)
        {
            return Results.Json(new ApiAnswer("Failed", Error: $"{ex.GetType().Name}: {ex.Message}"), statusCode: StatusCodes.Status500InternalServerError);
        }
    }
}

/// <summary>What the three instances share: the emulator, the Redis server and key prefix, the Data Protection keys, the front end.</summary>
internal sealed record FarmSettings(WeavrSandbox Sandbox, string RedisAddress, string KeyPrefix, IDataProtector Protector, FrontEnd FrontEnd, WebhookClock Clock);
