namespace AuthClient.Testing.Internal;

/// <summary>Carries, for one HTTP request, what the engine decided that the host must do around the response.</summary>
internal sealed class RequestScope
{
    public CancellationToken Aborted { get; init; }

    public bool Drop { get; set; }

    public Action? AfterSent { get; set; }
}
