namespace AuthClient.Testing.Fakes.Internal;

/// <summary>The HTTP method and path an exception built by a fake factory describes.</summary>
/// <param name="Method">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Path">The request path, e.g. <c>/multi/login_with_password</c>.</param>
internal sealed record FakeRoute(string Method, string Path);
