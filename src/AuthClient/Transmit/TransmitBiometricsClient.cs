using AuthClient.Primitives;
using AuthClient.Transmit.Internal;
using AuthClient.Transmit.Models;

namespace AuthClient.Transmit;

/// <summary>The default <see cref="ITransmitBiometricsClient"/>: validates input, then calls <see cref="ITransmitBiometricsApi"/>.</summary>
/// <param name="api">The generated Refit client.</param>
public sealed class TransmitBiometricsClient(ITransmitBiometricsApi api) : ITransmitBiometricsClient
{
    /// <inheritdoc />
    public Task<BiometricsStartResponse> StartAsync(BiometricsStartRequest request, CancellationToken cancellationToken = default)
    {
        TransmitInputGuard.Start(request, nameof(request));
        return api.StartAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public Task<BiometricsTokens> AuthenticateAsync(BiometricsAuthenticateRequest request, CancellationToken cancellationToken = default)
    {
        TransmitInputGuard.Authenticate(request, nameof(request));
        return api.AuthenticateAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public Task RegisterAsync(Secret userAccessToken, BiometricsRegisterRequest request, CancellationToken cancellationToken = default)
    {
        TransmitInputGuard.UserToken(userAccessToken, nameof(userAccessToken));
        TransmitInputGuard.Register(request, nameof(request));
        return api.RegisterAsync(request, userAccessToken, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteAsync(Secret userAccessToken, string publicKeyId, CancellationToken cancellationToken = default)
    {
        TransmitInputGuard.UserToken(userAccessToken, nameof(userAccessToken));
        ArgumentException.ThrowIfNullOrWhiteSpace(publicKeyId);
        return api.DeleteAsync(new BiometricsDeleteRequest(publicKeyId), userAccessToken, cancellationToken);
    }
}
