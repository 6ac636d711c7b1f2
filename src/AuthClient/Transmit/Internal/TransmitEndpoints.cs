namespace AuthClient.Transmit.Internal;

/// <summary>Resolves where the Transmit API and its token endpoint live, from <see cref="TransmitOptions"/>.</summary>
internal static class TransmitEndpoints
{
    public const string ApiSegment = "cis";
    public const string TokenPath = "/oidc/token";

    /// <summary>Gets the host of a named environment.</summary>
    public static Uri Host(TransmitEnvironment environment) => environment switch
    {
        TransmitEnvironment.Sandbox => new Uri("https://api.sbx.transmitsecurity.io"),
        TransmitEnvironment.US => new Uri("https://api.transmitsecurity.io"),
        TransmitEnvironment.EU => new Uri("https://api.eu.transmitsecurity.io"),
        TransmitEnvironment.CA => new Uri("https://api.ca.transmitsecurity.io"),
        TransmitEnvironment.AU => new Uri("https://api.au.transmitsecurity.io"),
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown Transmit environment."),
    };

    /// <summary>The mobile-biometrics API base: <see cref="TransmitOptions.BaseUrl"/>, or <c>{host}/cis</c>.</summary>
    public static Uri ApiBaseUrl(TransmitOptions options) =>
        options.BaseUrl ?? new Uri(Host(options.Environment), "/" + ApiSegment);

    /// <summary>
    /// The base the token API's <c>/oidc/token</c> path is appended to: the API base with its trailing <c>/cis</c>
    /// segment removed (the token endpoint sits at the host root, not under <c>/cis</c>).
    /// </summary>
    public static Uri TokenBaseUrl(Uri apiBaseUrl)
    {
        var path = apiBaseUrl.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/" + ApiSegment, StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^(ApiSegment.Length + 1)];
        }

        var builder = new UriBuilder(apiBaseUrl) { Path = path.Length == 0 ? "/" : path, Query = string.Empty, Fragment = string.Empty };
        return builder.Uri;
    }

    /// <summary>The absolute client-token URL, for messages and tests.</summary>
    public static Uri TokenUrl(TransmitOptions options)
    {
        var tokenBase = TokenBaseUrl(ApiBaseUrl(options));
        return new Uri(tokenBase.GetLeftPart(UriPartial.Authority) + tokenBase.AbsolutePath.TrimEnd('/') + TokenPath);
    }

    /// <summary>
    /// The operation a Transmit request targets and its path template (Transmit's paths carry no identifiers), for
    /// span names and tags: <c>start</c>, <c>authenticate</c>, <c>register</c>, <c>delete</c>, <c>token</c>, or the method
    /// alone for a path this SDK does not call.
    /// </summary>
    public static (string Operation, string? Template) Operation(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        if (path.EndsWith(TokenPath, StringComparison.Ordinal))
        {
            return ("token", TokenPath);
        }

        foreach (var operation in BiometricsOperations)
        {
            if (path.EndsWith(BiometricsPath + operation, StringComparison.Ordinal))
            {
                return (operation, BiometricsPath + operation);
            }
        }

        return (request.Method.Method, null);
    }

    private const string BiometricsPath = "/v1/auth/mobile-biometrics/";

    private static readonly string[] BiometricsOperations = ["start", "authenticate", "register", "delete"];
}
