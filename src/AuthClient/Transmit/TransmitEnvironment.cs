namespace AuthClient.Transmit;

/// <summary>
/// A Transmit Security (Mosaic) environment. Each has one host: the mobile-biometrics API lives under
/// <c>{host}/cis</c> and the client-token endpoint at <c>{host}/oidc/token</c>.
/// </summary>
public enum TransmitEnvironment
{
    /// <summary>The sandbox: <c>https://api.sbx.transmitsecurity.io</c>.</summary>
    Sandbox,

    /// <summary>Production, United States: <c>https://api.transmitsecurity.io</c>.</summary>
    US,

    /// <summary>Production, European Union: <c>https://api.eu.transmitsecurity.io</c>.</summary>
    EU,

    /// <summary>Production, Canada: <c>https://api.ca.transmitsecurity.io</c>.</summary>
    CA,

    /// <summary>Production, Australia: <c>https://api.au.transmitsecurity.io</c>.</summary>
    AU,
}
