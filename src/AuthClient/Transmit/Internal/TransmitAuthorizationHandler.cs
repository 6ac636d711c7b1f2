using System.Net;
using System.Net.Http.Headers;
using AuthClient.Errors;
using AuthClient.Http.Internal;
using AuthClient.Primitives;
using Microsoft.Extensions.Logging;

namespace AuthClient.Transmit.Internal;

/// <summary>
/// Adds <c>Authorization: Bearer</c> to Transmit calls. Runs inside the retry loop, so every attempt carries the
/// current token. Operations that declare a user access token (<c>register</c>, <c>delete</c>) send that token and
/// nothing else; the others send the client access token and, when it is rejected with 401, renew it once and resend
/// once (like Duende's <c>AccessTokenRequestHandler</c>): a second 401 is returned as is, so there is no loop.
/// </summary>
internal sealed partial class TransmitAuthorizationHandler(
    ITransmitClientTokenProvider tokenProvider,
    ILogger<TransmitAuthorizationHandler> logger) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<Secret?> UserTokenKey = new(ITransmitBiometricsApi.UserAccessTokenOption);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = null;
        if (((IDictionary<string, object?>)request.Options).ContainsKey(ITransmitBiometricsApi.UserAccessTokenOption))
        {
            if (!request.Options.TryGetValue(UserTokenKey, out var userToken) || userToken is null || userToken.IsEmpty)
            {
                throw new AuthClientException(
                    $"Transmit {request.Method.Method} {request.RequestUri?.AbsolutePath} needs the user's access token. Nothing was sent.");
            }

            request.Headers.Authorization = Bearer(userToken);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await GetTokenAsync(request, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = Bearer(token.AccessToken);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        LogRenewing(logger, request.Method.Method, request.RequestUri?.AbsolutePath);
        response.Dispose();
        if (tokenProvider is TransmitClientTokenProvider provider)
        {
            provider.Invalidate(token); // Only if still cached: concurrent 401s share one renewal.
        }
        else
        {
            tokenProvider.Invalidate();
        }

        var renewed = await GetTokenAsync(request, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = Bearer(renewed.AccessToken);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<TransmitClientToken> GetTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AuthClientTransportException ex) when (ex.OutcomeUnknown)
        {
            throw TokenAcquisition.NothingSent("Transmit", request, ex);
        }
    }

    private static AuthenticationHeaderValue Bearer(Secret token) => new("Bearer", token.Reveal());

    [LoggerMessage(EventId = 103, EventName = "TransmitTokenRejected", Level = LogLevel.Information, Message = "Transmit {Method} {Path} rejected the client access token (401); renewing it and resending once")]
    private static partial void LogRenewing(ILogger logger, string method, string? path);
}
