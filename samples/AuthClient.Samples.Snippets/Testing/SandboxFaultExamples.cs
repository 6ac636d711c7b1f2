#region testing-faults
using AuthClient.Testing;

namespace MyApp.Tests;

public static class SandboxFaultExamples
{
    // Faults hit the next matching requests, before any emulation.
    public static void Arrange(WeavrSandbox sandbox)
    {
        sandbox.Faults.Next(2).RespondWith(503);
        sandbox.Faults.Next().OnPath("/login_with_password").RateLimit(TimeSpan.FromSeconds(1)); // 429 + x-ratelimit-*, Retry-After
        sandbox.Faults.Next().Delay(TimeSpan.FromSeconds(15));   // held on the sandbox clock: WaitForHeldRequestAsync, then Advance
        sandbox.Faults.Next().DropConnection();                   // connection closed, nothing answered
        sandbox.Faults.Next().DropResponse();                     // call runs, connection closed: outcome unknown
    }
}
#endregion
