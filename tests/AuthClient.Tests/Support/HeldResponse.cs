using WireMock;

namespace AuthClient.Tests.Support;

/// <summary>
/// A WireMock response that is held until the test releases it: slower than any timeout, without real waiting. It also
/// tells the test when the request has reached the server. Release it before stopping the server.
/// </summary>
internal sealed class HeldResponse
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requests;

    /// <summary>Gets the number of requests that reached this response.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Completes when the first request has reached the server.</summary>
    public Task Arrived => _arrived.Task.WaitAsync(HangGuard);

    public async Task<IResponseMessage> RespondAsync(IRequestMessage request)
    {
        Interlocked.Increment(ref _requests);
        _arrived.TrySetResult();
        await _released.Task.ConfigureAwait(false);
        return new ResponseMessage { StatusCode = 504 };
    }

    public void Release() => _released.TrySetResult();
}
