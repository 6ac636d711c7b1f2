namespace AuthClient.Weavr;

/// <summary>Named Weavr Multi base URLs.</summary>
public static class WeavrEnvironments
{
    /// <summary>The sandbox: <c>https://sandbox.weavr.io/multi</c> (OTP is always 123456; no SMS is sent).</summary>
    public static Uri Sandbox { get; } = new("https://sandbox.weavr.io/multi");

    /// <summary>Weavr's hosted mock of the Multi API.</summary>
    public static Uri Mock { get; } = new("https://api.weavr.io/_mock/products/multi/openapi");

    /// <summary>Production, as used by community code (not stated by Weavr's specification: confirm with Weavr).</summary>
    public static Uri Production { get; } = new("https://api.weavr.io/multi");

    /// <summary>Returns the base URL of <paramref name="environment"/>.</summary>
    /// <param name="environment">The environment.</param>
    /// <returns>Its Multi base URL.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="environment"/> is not a defined value.</exception>
    public static Uri BaseUrlOf(WeavrEnvironment environment) => environment switch
    {
        WeavrEnvironment.Sandbox => Sandbox,
        WeavrEnvironment.Production => Production,
        WeavrEnvironment.Mock => Mock,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Not a known Weavr environment."),
    };
}
