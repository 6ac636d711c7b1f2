using AuthClient.Resilience;
using AuthClient.Transmit;
using AuthClient.Weavr;

namespace AuthClient.DependencyInjection;

/// <summary>All AuthClient settings. Bind it from configuration (section <c>AuthClient</c>) or set it in code.</summary>
public sealed class AuthClientOptions
{
    /// <summary>The configuration section name used by the <c>IConfiguration</c> overload.</summary>
    public const string SectionName = "AuthClient";

    /// <summary>Gets or sets the Weavr Multi settings.</summary>
    public WeavrOptions Weavr { get; set; } = new();

    /// <summary>Gets or sets the Transmit Security settings (needed only when the Transmit client is used).</summary>
    public TransmitOptions Transmit { get; set; } = new();

    /// <summary>Gets or sets the retry and timeout settings shared by both APIs.</summary>
    public AuthClientResilienceOptions Resilience { get; set; } = new();
}
