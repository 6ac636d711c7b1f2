namespace AuthClient.Tests.Hardening;

/// <summary>
/// One row of the fault matrix: what the server does on the n-th request to the endpoint under test (1-based; after a
/// successful warm-up call when <paramref name="WarmUp"/>, so the fault lands on a reused keep-alive connection), and
/// what each kind of call must get.
/// </summary>
internal sealed record FaultCase(string Name, Func<EndpointKind, int, Uri, Fault> Script, Func<EndpointKind, Expectation> Expect, bool WarmUp = false)
{
    public override string ToString() => Name;
}
