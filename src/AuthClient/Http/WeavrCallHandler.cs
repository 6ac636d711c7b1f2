using System.Diagnostics;
using AuthClient.Errors.Internal;
using AuthClient.Http.Internal;
using AuthClient.Telemetry.Internal;
using AuthClient.Weavr;
using AuthClient.Weavr.Internal;
using Microsoft.Extensions.Logging;

namespace AuthClient.Http;

/// <summary>
/// The outermost Weavr handler. It runs once per logical call, outside the retry loop, so it is where the
/// <c>idempotency-ref</c> is fixed (the same value on every attempt) and where the final <c>request-ref</c> and status
/// are recorded on the <see cref="WeavrCallContext"/>. It also writes the call's one log line, span and duration.
/// </summary>
internal sealed partial class WeavrCallHandler(ILogger<WeavrCallHandler> logger, TimeProvider timeProvider, AuthClientMetrics? metrics = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = WeavrCallContext.From(request);
        if (context is null)
        {
            context = new WeavrCallContext();
            request.Options.Set(new HttpRequestOptionsKey<WeavrCallContext>(WeavrCallContext.OptionsKey), context);
        }

        context.BeginCall();
        var endpoint = context.Endpoint = WeavrEndpoints.Find(request);

        request.Headers.Remove(CorrelationHeaders.IdempotencyRef);
        if (endpoint?.DeclaresIdempotencyRef == true)
        {
            if (context.IdempotencyRef is null)
            {
                context.UseGeneratedIdempotencyRef(IdempotencyRefs.New());
            }

            request.Headers.TryAddWithoutValidation(CorrelationHeaders.IdempotencyRef, context.IdempotencyRef);
        }
        else
        {
            // The operation does not declare the header: nothing is sent, so nothing may be reported as sent.
            context.IdempotencyRef = null;
        }

        var operation = endpoint?.OperationId ?? request.Method.Method;
        var started = Stopwatch.GetTimestamp();
        using var telemetry = CallTelemetry.Start(metrics, "weavr", operation, request.Method, endpoint?.Template);
        try
        {
            await OutboundRequest.PrepareAsync(request, timeProvider, cancellationToken).ConfigureAwait(false);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            context.StatusCode = response.StatusCode;
            context.Attempts = OutboundRequest.Attempts(request);
            context.RequestRef = CorrelationHeaders.ReadRequestRef(response);
            telemetry.Answered((int)response.StatusCode, context.RequestRef, context.Attempts);
            LogCompleted(logger, operation, (int)response.StatusCode, context.RequestRef, context.IdempotencyRef, context.Attempts, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            context.Attempts = OutboundRequest.Attempts(request);
            LogFailed(logger, operation, ex.GetType().Name, context.IdempotencyRef, context.Attempts, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            // Typed here, not only in Refit's TransportExceptionFactory: Refit does not call that factory for
            // operations without a response body, which would otherwise leak raw HttpRequestException/Polly timeouts.
            var mapped = TransportErrorMapper.Map("Weavr", request, ex, cancellationToken);
            telemetry.Failed(mapped, context.Attempts);
            if (ReferenceEquals(mapped, ex))
            {
                throw;
            }

            throw mapped;
        }
    }

    [LoggerMessage(EventId = 1, EventName = "WeavrCallCompleted", Level = LogLevel.Information, Message = "Weavr {Operation} answered {StatusCode} (request-ref {RequestRef}, idempotency-ref {IdempotencyRef}, attempts {Attempts}) in {ElapsedMs:F1} ms")]
    private static partial void LogCompleted(ILogger logger, string operation, int statusCode, string? requestRef, string? idempotencyRef, int attempts, double elapsedMs);

    [LoggerMessage(EventId = 2, EventName = "WeavrCallFailed", Level = LogLevel.Warning, Message = "Weavr {Operation} failed without a response ({ErrorType}; idempotency-ref {IdempotencyRef}, attempts {Attempts}) after {ElapsedMs:F1} ms")]
    private static partial void LogFailed(ILogger logger, string operation, string errorType, string? idempotencyRef, int attempts, double elapsedMs);
}
