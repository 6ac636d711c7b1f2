namespace AuthClient.Testing.Fakes.Internal;

/// <summary>
/// What both fakes share: records each call (thread-safe, in order), then completes it the way an async client method
/// does: the handler's result or exception, or a cancellation, always as a task; no handler is a clear
/// <see cref="InvalidOperationException"/> naming the handler to set.
/// </summary>
/// <typeparam name="TCall">The call record.</typeparam>
/// <param name="fake">The fake's type name, for messages.</param>
internal sealed class FakeRecorder<TCall>(string fake)
{
    private const string HandlerPrefix = "On";
    private readonly object _gate = new();
    private readonly List<TCall> _calls = [];

    public IReadOnlyList<TCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public Task<TResult> Run<THandler, TResult>(TCall call, THandler? handler, string handlerName, Func<THandler, TResult> invoke, CancellationToken cancellationToken)
        where THandler : Delegate
    {
        lock (_gate)
        {
            _calls.Add(call);
        }

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

    /// <summary>Runs a handler that returns nothing (an <see cref="Action"/>-shaped one).</summary>
    public Task Run<THandler>(TCall call, THandler? handler, string handlerName, Action<THandler> invoke, CancellationToken cancellationToken)
        where THandler : Delegate =>
        Run(call, handler, handlerName, h =>
        {
            invoke(h);
            return true;
        }, cancellationToken);
}
