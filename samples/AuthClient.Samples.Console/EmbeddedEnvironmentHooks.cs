using AuthClient.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuthClient.Samples;

/// <summary>Where a test may look inside the embedded environment without changing what the journey does.</summary>
internal sealed class EmbeddedEnvironmentHooks
{
    /// <summary>Gets the logging set-up that replaces the sample's console logging (a test captures every record here).</summary>
    public Action<ILoggingBuilder>? Logging { get; init; }

    /// <summary>Gets extra registrations on the backend, applied after AuthClient's (a recording session store, say).</summary>
    public Action<AuthClientBuilder>? AuthClient { get; init; }

    /// <summary>Gets a callback with the started environment.</summary>
    public Action<EmbeddedEnvironment>? Started { get; init; }
}
