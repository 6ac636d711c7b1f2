namespace AuthClient.Testing.Fakes.Internal;

/// <summary>Runs a fake's handler the way an async client method completes: its result, its exception, or a
/// cancellation, always as a task; no handler is a clear <see cref="InvalidOperationException"/>.</summary>
internal static class FakeInvoker
{
    private const string HandlerPrefix = "On";

    public static Task<TResult> Run<THandler, TResult>(
        string fake, THandler? handler, string handlerName, Func<THandler, TResult> invoke, CancellationToken cancellationToken)
        where THandler : Delegate
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResult>(cancellationToken);
        }

        if (handler is null)
        {
            var method = (handlerName.StartsWith(HandlerPrefix, StringComparison.Ordinal) ? handlerName[HandlerPrefix.Length..] : handlerName) + "Async";
            return Task.FromException<TResult>(new InvalidOperationException(
                $"{fake}.{method} was called but is not configured: set {fake}.{handlerName} to return a result or throw an error."));
        }

        try
        {
            return Task.FromResult(invoke(handler));
        }
        catch (Exception e)
        {
            return Task.FromException<TResult>(e);
        }
    }
}
