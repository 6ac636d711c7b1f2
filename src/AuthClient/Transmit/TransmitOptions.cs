namespace AuthClient.Transmit;

/// <summary>Transmit Security mobile-biometrics settings.</summary>
public sealed class TransmitOptions
{
    /// <summary>Gets or sets the API base URL, including <c>/cis</c>. Default: the sandbox.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.sbx.transmitsecurity.io/cis");

    /// <summary>Gets or sets the application's client id.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Gets or sets the application's client secret. Never logged.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Returns a description without the client secret.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() => $"TransmitOptions {{ BaseUrl = {BaseUrl}, ClientId = {ClientId}, ClientSecret = [redacted] }}";
}
