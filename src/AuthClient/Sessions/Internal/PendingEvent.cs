namespace AuthClient.Sessions.Internal;

/// <summary>One awaited challenge (or one early event) in the <see cref="PendingChallengeRegistry"/>; guarded by its lock.</summary>
internal sealed class PendingEvent<TEvent>(DateTimeOffset createdAt)
{
    public TaskCompletionSource<TEvent> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Awaited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public int Waiters { get; set; }
}
