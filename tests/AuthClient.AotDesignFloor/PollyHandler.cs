using Polly;

namespace AuthClient.AotDesignFloor;

/// <summary>
/// Runs each request through a Polly pipeline: a pooled context, one static callback, the outcome rethrown. The same
/// shape as the SDK's own call-stage handler on purpose: the floors run none of AuthClient's code, so they cannot use it.
/// Also compiled into tests/AuthClient.Benchmarks (the in-memory and loopback floors).
/// </summary>
/// <param name="pipeline">The pipeline.</param>
internal sealed class PollyHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (attemptContext, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendInnerAsync(state.Request, attemptContext.CancellationToken).ConfigureAwait(false));
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

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
