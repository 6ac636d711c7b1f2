namespace AuthClient.DependencyInjection.Internal;

/// <summary>Registered once per programme by <c>AddAuthClient</c>, so that calling it again for the same programme
/// does not register the pipeline twice.</summary>
/// <param name="Programme">The programme name; empty for the unnamed registration.</param>
internal sealed record AuthClientMarker(string Programme);
