namespace AuthClient.Weavr;

/// <summary>Weavr Multi connection settings.</summary>
public sealed class WeavrOptions
{
    /// <summary>Gets or sets the Multi base URL. Default <see cref="WeavrEnvironments.Sandbox"/>. Must be https unless loopback.</summary>
    public Uri BaseUrl { get; set; } = WeavrEnvironments.Sandbox;

    /// <summary>Gets or sets the api key of your User/Delegate API client (Embedder Portal). Required. Never logged.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Returns the type name only: the api key is never printed.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() => $"WeavrOptions {{ BaseUrl = {BaseUrl}, ApiKey = [redacted] }}";
}
