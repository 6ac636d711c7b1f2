using AuthClient.DependencyInjection;
using AuthClient.DependencyInjection.Internal;
using AuthClient.Errors;
using AuthClient.Telemetry.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthClient.Transmit.Internal;

/// <summary>
/// The default <see cref="ITransmitClientTokenProvider"/>: a single-flight cache. Concurrent callers share one
/// in-flight request (a shared task, so one caller's cancellation never fails the others); its result is cached only on
/// success; the expiry is judged by the DI <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class TransmitClientTokenProvider(
    IServiceProvider services,
    IOptionsMonitor<AuthClientOptions> options,
    TimeProvider timeProvider,
    ILogger<TransmitClientTokenProvider> logger,
    AuthClientMetrics? metrics = null) : ITransmitClientTokenProvider
{
    private readonly object _gate = new();

    /// <summary>Gets the programme whose credentials and token endpoint this provider uses; empty for the unnamed one.</summary>
    internal string Programme { get; init; } = string.Empty;
    private TransmitClientToken? _cached;
    private Task<TransmitClientToken>? _inFlight;

    public ValueTask<TransmitClientToken> GetTokenAsync(CancellationToken cancellationToken = default) =>
        GetAsync(forceRenewal: false, cancellationToken);

    public ValueTask<TransmitClientToken> RenewTokenAsync(CancellationToken cancellationToken = default) =>
        GetAsync(forceRenewal: true, cancellationToken);

    public void Invalidate()
    {
        lock (_gate)
        {
            _cached = null;
        }
    }

    /// <summary>Drops <paramref name="rejected"/> if it is still the cached token (a concurrent caller may already have renewed it).</summary>
    internal void Invalidate(TransmitClientToken rejected)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_cached, rejected))
            {
                _cached = null;
            }
        }
    }

    private async ValueTask<TransmitClientToken> GetAsync(bool forceRenewal, CancellationToken cancellationToken)
    {
        var settings = options.Get(Programme).Transmit;
        if (!settings.HasClientCredentials)
        {
            throw new AuthClientException(
                "Transmit client credentials are not configured: set AuthClient:Transmit:ClientId and ClientSecret. Nothing was sent.");
        }

        TaskCompletionSource<TransmitClientToken>? owner = null;
        Task<TransmitClientToken> shared;
        lock (_gate)
        {
            if (forceRenewal)
            {
                _cached = null;
            }
            else if (_cached is { } cached && timeProvider.GetUtcNow() < cached.ExpiresAt - settings.TokenRefreshMargin)
            {
                metrics?.TransmitTokenRequested("hit", "success");
                return cached;
            }

            if (_inFlight is null)
            {
                owner = new TaskCompletionSource<TransmitClientToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                _inFlight = owner.Task;
            }

            shared = _inFlight;
        }

        if (owner is not null)
        {
            // Not awaited here: the request belongs to every waiter, not to this caller's cancellation token.
            _ = RequestAsync(owner, settings);
        }

        // "fetch": this caller started the request; "miss": it shares one another caller started.
        var cache = owner is null ? "miss" : "fetch";
        try
        {
            var token = await shared.WaitAsync(cancellationToken).ConfigureAwait(false);
            metrics?.TransmitTokenRequested(cache, "success");
            return token;
        }
        catch (Exception ex)
        {
            metrics?.TransmitTokenRequested(cache, ex is OperationCanceledException && cancellationToken.IsCancellationRequested ? "cancelled" : "failure");
            throw;
        }
    }

    private async Task RequestAsync(TaskCompletionSource<TransmitClientToken> owner, TransmitOptions settings)
    {
        using var activity = AuthClientActivity.Source.StartActivity(AuthClientActivity.TransmitToken);
        try
        {
            var token = await RequestCoreAsync(settings).ConfigureAwait(false);
            activity?.SetTag(AuthClientActivity.Outcome, "success");
            lock (_gate)
            {
                _cached = token;
                _inFlight = null;
            }

            owner.SetResult(token);
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _inFlight = null; // Failures are never cached: the next caller asks again.
            }

            activity?.SetTag(AuthClientActivity.Outcome, "failure");
            AuthClientActivity.Failed(activity, ex);
            LogTokenFailed(logger, ex.GetType().Name);
            owner.SetException(ex);
            _ = owner.Task.Exception; // Observed even when every waiter has given up.
        }
    }

    private async Task<TransmitClientToken> RequestCoreAsync(TransmitOptions settings)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_id", settings.ClientId),
            new("client_secret", settings.ClientSecret.Reveal()),
        };
        if (!string.IsNullOrWhiteSpace(settings.Resource))
        {
            fields.Add(new("resource", settings.Resource));
        }

        var requestedAt = timeProvider.GetUtcNow();
        using var form = new FormUrlEncodedContent(fields);
        var api = ProgrammeServices.Get<ITransmitTokenApi>(services, Programme);
        var response = await api.RequestTokenAsync(form, CancellationToken.None).ConfigureAwait(false);
        if (response.AccessToken is not { IsEmpty: false } accessToken)
        {
            throw new AuthClientException("Transmit POST /oidc/token answered 200 without an access_token.");
        }

        // A missing lifetime is treated as already expired: the token serves this call and is not reused.
        var lifetime = response.ExpiresIn is int seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
        LogTokenIssued(logger, (int)lifetime.TotalSeconds);
        return new TransmitClientToken
        {
            AccessToken = accessToken,
            TokenType = string.IsNullOrEmpty(response.TokenType) ? "Bearer" : response.TokenType,
            ExpiresAt = requestedAt + lifetime,
        };
    }

    [LoggerMessage(EventId = 101, EventName = "TransmitTokenIssued", Level = LogLevel.Debug, Message = "Transmit client access token issued, valid {ExpiresInSeconds} s")]
    private static partial void LogTokenIssued(ILogger logger, int expiresInSeconds);

    [LoggerMessage(EventId = 102, EventName = "TransmitTokenFailed", Level = LogLevel.Warning, Message = "Transmit client access token request failed ({ErrorType}); it will be retried on the next call")]
    private static partial void LogTokenFailed(ILogger logger, string errorType);
}
