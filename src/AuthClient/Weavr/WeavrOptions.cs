using System.Text.Json.Serialization;
using AuthClient.Primitives;

namespace AuthClient.Weavr;

/// <summary>Weavr Multi connection settings.</summary>
public sealed class WeavrOptions
{
    private Uri? _baseUrl;

    /// <summary>Gets or sets the named deployment to call. Default <see cref="WeavrEnvironment.Sandbox"/>. Ignored when
    /// <see cref="BaseUrl"/> is set.</summary>
    public WeavrEnvironment Environment { get; set; } = WeavrEnvironment.Sandbox;

    /// <summary>Gets or sets the Multi base URL. Must be https unless loopback. When not set, the URL of
    /// <see cref="Environment"/>; when set, it wins over <see cref="Environment"/> (e.g. a local emulator).</summary>
    public Uri BaseUrl
    {
        get => _baseUrl ?? (Enum.IsDefined(Environment) ? WeavrEnvironments.BaseUrlOf(Environment) : WeavrEnvironments.Sandbox);
        set => _baseUrl = value;
    }

    /// <summary>Gets a value indicating whether <see cref="BaseUrl"/> was set explicitly.</summary>
    internal bool HasExplicitBaseUrl => _baseUrl is not null;

    /// <summary>Gets whether an api key is set (an app that only uses Transmit may leave it unset).</summary>
    internal bool HasApiKey => ApiKey is not null && !string.IsNullOrWhiteSpace(ApiKey.Reveal());

    /// <summary>Gets or sets the api key of your User/Delegate API client (Embedder Portal). Required. A
    /// <see cref="Secret"/>, so no log, serializer or structured logger (<c>{@options}</c>) can print it; a string
    /// converts implicitly, and configuration binds it from <c>AuthClient:Weavr:ApiKey</c>.</summary>
    [JsonIgnore]
    public Secret ApiKey { get; set; } = Secret.Empty;

    /// <summary>Describes the options without the api key, which is never printed.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() => $"WeavrOptions {{ Environment = {Environment}, BaseUrl = {BaseUrl}, ApiKey = [redacted] }}";
}
