namespace AuthClient.Tests.Hardening;

/// <summary>The fake clock's start in the hardening tests (a Retry-After HTTP date is relative to it).</summary>
internal static class HardeningClock
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
