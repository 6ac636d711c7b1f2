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
}
