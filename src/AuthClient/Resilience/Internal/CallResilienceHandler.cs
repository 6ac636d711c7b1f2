using Polly;

namespace AuthClient.Resilience.Internal;

/// <summary>
/// Runs each call through the client's call-stage Polly pipeline (total timeout → retry), re-sending the same request
/// down the inner handlers on every attempt. The pipeline is built once per client by
/// <see cref="ResiliencePipelineConfigurator"/>; executing it directly keeps Polly's strategies, events and metrics
/// without a general-purpose resilience handler's per-call enrichment.
/// </summary>
internal sealed class CallResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResiliencePipelineConfigurator.RequestKey, request);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (attemptContext, state) =>
                {
                    try
                    {
                        var response = await state.Handler.SendAttemptAsync(state.Request, attemptContext.CancellationToken).ConfigureAwait(false);
                        return Outcome.FromResult(response);
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
