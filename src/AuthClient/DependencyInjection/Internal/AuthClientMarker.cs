namespace AuthClient.DependencyInjection.Internal;

/// <summary>Registered once by <c>AddAuthClient</c>, so that calling it again does not register the pipeline twice.</summary>
internal sealed class AuthClientMarker;
