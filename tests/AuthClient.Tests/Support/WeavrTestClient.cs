using AuthClient.Weavr;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Tests.Support;

/// <summary>One DI container built with <c>AddAuthClient</c> against the WireMock server, and the clients it resolves.</summary>
public sealed class WeavrTestClient(ServiceProvider services) : IDisposable
{
    public ServiceProvider Services { get; } = services;

    public IWeavrAuthClient Client => Services.GetRequiredService<IWeavrAuthClient>();

    public IWeavrApi Api => Services.GetRequiredService<IWeavrApi>();

    public void Dispose() => Services.Dispose();
}
