using System.Net.Http.Headers;
using System.Reflection;

namespace AuthClient.Http.Internal;

/// <summary>
/// The <c>User-Agent</c> every request of both APIs carries, <c>AuthClient/{version} (.NET {runtime})</c>, so a
/// provider's support team can tell SDK traffic and versions apart.
/// </summary>
internal static class AuthClientUserAgent
{
    public static readonly string Version = ReadVersion();

    public static readonly string Value = $"AuthClient/{Version} (.NET {Environment.Version})";

    /// <summary>Replaces whatever <c>User-Agent</c> the client had with AuthClient's, as one unparsed value (the
    /// header is copied onto every request: a raw string costs nothing to copy).</summary>
    public static void Apply(HttpRequestHeaders headers)
    {
        headers.Remove("User-Agent");
        headers.TryAddWithoutValidation("User-Agent", Value);
    }

    private static string ReadVersion()
    {
        var informational = typeof(AuthClientUserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational ?? typeof(AuthClientUserAgent).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var metadata = version.IndexOf('+', StringComparison.Ordinal); // "+<commit>" is build metadata, not the version
        return metadata >= 0 ? version[..metadata] : version;
    }
}
