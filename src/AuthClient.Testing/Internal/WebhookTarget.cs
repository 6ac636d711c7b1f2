namespace AuthClient.Testing.Internal;

/// <summary>Where webhooks go: a base URL (event paths are appended) and what sends to it.</summary>
/// <param name="BaseUrl">The base URL; relative only with an <see cref="HttpClient"/> that has a <c>BaseAddress</c>.</param>
/// <param name="Sender">The caller's client or handler (never disposed by the sandbox); <see langword="null"/> for the
/// sandbox's own socket client.</param>
internal sealed record WebhookTarget(Uri BaseUrl, HttpMessageInvoker? Sender)
{
    /// <summary>Targets a URL over a real socket.</summary>
    public static WebhookTarget ForUrl(Uri webhookUrl)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        if (!webhookUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The webhook URL must be absolute, e.g. http://127.0.0.1:6000/webhooks.", nameof(webhookUrl));
        }

        return new WebhookTarget(webhookUrl, null);
    }

    /// <summary>Targets a caller's <see cref="HttpClient"/>, e.g. <c>WebApplicationFactory.CreateClient()</c>: a relative
    /// URL is resolved against its <c>BaseAddress</c>.</summary>
    public static WebhookTarget ForClient(HttpClient client, Uri webhookUrl)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(webhookUrl);
        if (!webhookUrl.IsAbsoluteUri && client.BaseAddress is null)
        {
            throw new ArgumentException("A relative webhook URL needs an HttpClient with a BaseAddress; pass an absolute URL.", nameof(webhookUrl));
        }

        return new WebhookTarget(webhookUrl, client);
    }

    /// <summary>Targets a caller's <see cref="HttpMessageHandler"/>, e.g. <c>TestServer.CreateHandler()</c>.</summary>
    public static WebhookTarget ForHandler(HttpMessageHandler handler, Uri webhookUrl)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(webhookUrl);
        if (!webhookUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The webhook URL must be absolute, e.g. http://localhost/webhooks/weavr.", nameof(webhookUrl));
        }

        // The handler belongs to the caller (e.g. to a TestServer): the invoker must not dispose it.
        return new WebhookTarget(webhookUrl, new HttpMessageInvoker(handler, disposeHandler: false));
    }

    /// <summary>Returns the URL of one event path, absolute when it can be known.</summary>
    public Uri UrlFor(string path)
    {
        if (BaseUrl.IsAbsoluteUri)
        {
            return new Uri(BaseUrl.AbsoluteUri.TrimEnd('/') + path);
        }

        var relative = BaseUrl.OriginalString.TrimEnd('/') + path;
        return Sender is HttpClient { BaseAddress: { } baseAddress } ? new Uri(baseAddress, relative) : new Uri(relative, UriKind.Relative);
    }
}
