using System.Runtime.InteropServices;

namespace AuthClient.Benchmarks.ColdStart;

/// <summary>
/// The CPU time (user + system) of this process's reaped children, from <c>getrusage(RUSAGE_CHILDREN)</c> (Linux): the
/// difference around one child's run is what that child used, whatever else the machine was doing meanwhile.
/// </summary>
internal static partial class ChildCpuTime
{
    private const int RusageChildren = -1;

    public static TimeSpan Read()
    {
        var usage = new RUsage();
        if (GetRUsage(RusageChildren, ref usage) != 0)
        {
            throw new InvalidOperationException("getrusage(RUSAGE_CHILDREN) failed.");
        }

        return TimeSpan.FromMicroseconds((usage.UserSeconds + usage.SystemSeconds) * 1_000_000.0 + usage.UserMicroseconds + usage.SystemMicroseconds);
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRUsage(int who, ref RUsage usage);

    /// <summary>The head of <c>struct rusage</c> on 64-bit Linux (two <c>timeval</c>s), padded to its full size.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;

        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }
}
