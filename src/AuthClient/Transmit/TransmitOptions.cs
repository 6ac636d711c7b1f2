using System.Text.Json.Serialization;
using AuthClient.Primitives;

namespace AuthClient.Transmit;

/// <summary>
/// Transmit Security mobile-biometrics settings. Needed only when the Transmit client is used: an application that
/// calls Weavr alone leaves them empty.
/// </summary>
public sealed class TransmitOptions
{
    /// <summary>Gets or sets the environment (region) whose host is used. Default <see cref="TransmitEnvironment.Sandbox"/>.</summary>
    public TransmitEnvironment Environment { get; set; } = TransmitEnvironment.Sandbox;

    /// <summary>
    /// Gets or sets a custom API base URL, including <c>/cis</c> (e.g. <c>http://127.0.0.1:5000/cis</c> for an emulator).
    /// When set it overrides <see cref="Environment"/>. The token endpoint is <c>oidc/token</c> beside the trailing
    /// <c>/cis</c> segment (<c>https://gw.example/transmit/cis</c> → <c>https://gw.example/transmit/oidc/token</c>); a
    /// base URL without a trailing <c>/cis</c> gets <c>oidc/token</c> under itself. Must be https unless loopback.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Gets or sets the application's client id (Transmit Admin Portal → Applications). Required for
    /// <c>start</c> and <c>authenticate</c>, which use a client access token.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Gets or sets the application's client secret, sent only in the client-token request body. A
    /// <see cref="Secret"/>, so no log, serializer or structured logger can print it; a string converts implicitly, and
    /// configuration binds it from <c>AuthClient:Transmit:ClientSecret</c>.</summary>
    [JsonIgnore]
    public Secret ClientSecret { get; set; } = Secret.Empty;

    /// <summary>Gets or sets the optional <c>resource</c> sent when requesting the client access token (it becomes the
    /// token's audience).</summary>
    public string? Resource { get; set; }

    /// <summary>Gets or sets how long before its expiry a cached client access token is renewed. Default 60 seconds;
    /// at most 30 minutes.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets a value indicating whether client credentials are configured.</summary>
    internal bool HasClientCredentials => !string.IsNullOrWhiteSpace(ClientId) && !ClientSecret.IsEmpty;

    /// <summary>Returns a description without the client secret.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() =>
        $"TransmitOptions {{ Environment = {Environment}, BaseUrl = {BaseUrl}, ClientId = {ClientId}, ClientSecret = [redacted], Resource = {Resource}, TokenRefreshMargin = {TokenRefreshMargin} }}";
}
