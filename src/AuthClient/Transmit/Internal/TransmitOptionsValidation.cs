namespace AuthClient.Transmit.Internal;

/// <summary>
/// Start-up checks of <see cref="TransmitOptions"/>, called by the AuthClient options validator. An application that
/// uses Weavr only leaves Transmit unset and gets no failures; credentials and token settings are checked once a
/// <see cref="TransmitOptions.ClientId"/> or <see cref="TransmitOptions.ClientSecret"/> is set, a custom base URL whenever set.
/// </summary>
internal static class TransmitOptionsValidation
{
    public static readonly TimeSpan MaxTokenRefreshMargin = TimeSpan.FromMinutes(30);

    public static void Validate(TransmitOptions options, List<string> failures)
    {
        if (!Enum.IsDefined(options.Environment))
        {
            failures.Add($"Transmit.Environment '{options.Environment}' is not one of {string.Join(", ", Enum.GetNames<TransmitEnvironment>())}.");
        }

        if (options.BaseUrl is { } url)
        {
            if (!url.IsAbsoluteUri)
            {
                failures.Add("Transmit.BaseUrl must be an absolute URL.");
            }
            else if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
            {
                failures.Add($"Transmit.BaseUrl must use https (plain http is allowed only for loopback hosts): {url}.");
            }
            else if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
            {
                failures.Add("Transmit.BaseUrl must not have a query or fragment.");
            }
        }

        var hasId = !string.IsNullOrWhiteSpace(options.ClientId);
        var hasSecret = options.ClientSecret is { IsEmpty: false };
        if (hasId != hasSecret)
        {
            failures.Add("Transmit.ClientId and Transmit.ClientSecret must be set together.");
        }

        if (!hasId && !hasSecret)
        {
            return;
        }

        if (options.TokenRefreshMargin < TimeSpan.Zero || options.TokenRefreshMargin > MaxTokenRefreshMargin)
        {
            failures.Add("Transmit.TokenRefreshMargin must be between 0 and 30 minutes.");
        }

        if (options.Resource is not null && string.IsNullOrWhiteSpace(options.Resource))
        {
            failures.Add("Transmit.Resource must not be blank when set (leave it unset to omit it).");
        }
    }
}
