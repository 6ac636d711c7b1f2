using System.Diagnostics.CodeAnalysis;
using AuthClient.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.AspNetCore;

/// <summary>Maps the Weavr auth webhook endpoints onto an ASP.NET Core app.</summary>
public static class WeavrWebhookEndpointRouteBuilderExtensions
{
    /// <summary>The default route prefix: <c>/webhooks/weavr</c>.</summary>
    public const string DefaultPrefix = "/webhooks/weavr";

    /// <summary>
    /// Maps <c>POST {prefix}/login/watch</c>, <c>POST {prefix}/stepup/watch</c>,
    /// <c>POST {prefix}/authentication_factors/watch</c> and <c>POST {prefix}/auth/users/user_deactivated/watch</c> to <see cref="WeavrWebhookReceiver"/>: the raw body bytes (read up
    /// to <see cref="WeavrWebhookOptions.MaxBodyBytes"/>) and headers are verified, and the answer is
    /// <see cref="WebhookReceiveResult.RecommendedStatusCode"/> with an empty body — 204 accepted or duplicate, 401 signature
    /// or timestamp problem, 400 malformed body, 413 too large, 500 a sink failed (Weavr redelivers). Configure Weavr with
    /// the URL up to and including the prefix, e.g. <c>https://api.example.com/webhooks/weavr</c>.
    /// </summary>
    /// <remarks>
    /// The endpoints allow anonymous access, since Weavr cannot authenticate with your app's scheme: the signature is the
    /// authentication. Add conventions (host filter, rate limiting, IP allow-list) on the returned group. Requires
    /// <c>services.AddAuthClient(...).AddWebhooks()</c>.
    /// </remarks>
    /// <param name="endpoints">The app or route builder.</param>
    /// <param name="prefix">The route prefix; default <see cref="DefaultPrefix"/>.</param>
    /// <returns>The route group of the three endpoints.</returns>
    /// <exception cref="InvalidOperationException"><c>AddWebhooks</c> was not called.</exception>
    public static RouteGroupBuilder MapWeavrWebhooks(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (endpoints.ServiceProvider.GetService<WeavrWebhookReceiver>() is null)
        {
            throw new InvalidOperationException(
                "The Weavr webhook receiver is not registered: call services.AddAuthClient(...).AddWebhooks() before app.MapWeavrWebhooks().");
        }

        return MapCore(endpoints, prefix, static services => services.GetRequiredService<WeavrWebhookReceiver>());
    }

    /// <summary>
    /// Maps the three Weavr webhook endpoints of a named programme (<c>AddAuthClient("programme-b", ...).AddWebhooks()</c>)
    /// under <paramref name="prefix"/>, as <see cref="MapWeavrWebhooks"/> does for the unnamed one: deliveries are verified
    /// with that programme's signing key (by default its api key), deduplicated by its replay guard and given to its
    /// keyed <see cref="IWeavrWebhookEventSink"/>s only. Give each programme its own prefix and configure that URL in the
    /// programme's Weavr settings.
    /// </summary>
    /// <param name="endpoints">The app or route builder.</param>
    /// <param name="programme">The programme name given to <c>AddAuthClient</c>.</param>
    /// <param name="prefix">The route prefix, e.g. <c>/webhooks/weavr/programme-b</c>.</param>
    /// <returns>The route group of the three endpoints.</returns>
    /// <exception cref="InvalidOperationException"><c>AddWebhooks</c> was not called for <paramref name="programme"/>.</exception>
    public static RouteGroupBuilder MapWeavrProgrammeWebhooks(this IEndpointRouteBuilder endpoints, string programme, [StringSyntax("Route")] string prefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(programme);
        ArgumentNullException.ThrowIfNull(prefix);
        if (endpoints.ServiceProvider.GetKeyedService<WeavrWebhookReceiver>(programme) is null)
        {
            throw new InvalidOperationException(
                $"The Weavr webhook receiver of programme '{programme}' is not registered: call services.AddAuthClient(\"{programme}\", ...).AddWebhooks() before app.MapWeavrProgrammeWebhooks().");
        }

        return MapCore(endpoints, prefix, services => services.GetRequiredKeyedService<WeavrWebhookReceiver>(programme));
    }

    private static RouteGroupBuilder MapCore(IEndpointRouteBuilder endpoints, string prefix, Func<IServiceProvider, WeavrWebhookReceiver> receiver)
    {
        var group = endpoints.MapGroup(prefix);
        group.AllowAnonymous();
        foreach (var kind in (ReadOnlySpan<WeavrWebhookKind>)[WeavrWebhookKind.Login, WeavrWebhookKind.StepUp, WeavrWebhookKind.Enrolment, WeavrWebhookKind.UserDeactivated])
        {
            var path = WeavrWebhookPaths.GetPath(kind);
            group.MapPost(path, (RequestDelegate)(context => HandleAsync(context, receiver(context.RequestServices), kind)))
                .WithDisplayName($"Weavr webhook {path}");
        }

        return group;
    }

    private static async Task HandleAsync(HttpContext context, WeavrWebhookReceiver receiver, WeavrWebhookKind kind)
    {
        var request = context.Request;
        var body = await ReadBodyAsync(request, receiver.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        var headers = new WeavrWebhookHeaders
        {
            CallRef = GetHeader(request, WeavrWebhookHeaderNames.CallRef),
            PublishedTimestamp = GetHeader(request, WeavrWebhookHeaderNames.PublishedTimestamp),
            SignatureV2 = GetHeader(request, WeavrWebhookHeaderNames.SignatureV2),
        };
        var result = await receiver.ReceiveAsync(kind, headers, body, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = result.RecommendedStatusCode;
    }

    // A repeated header arrives joined with commas, so its signature (or timestamp) cannot match: rejected, not guessed at.
    private static string? GetHeader(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    // Reads at most maxBytes + 1 bytes: one byte too many is enough for the receiver to reject the body as too large,
    // without buffering whatever an unauthenticated caller chooses to send. A limit at or above Array.MaxLength (e.g.
    // int.MaxValue, where + 1 would overflow to a negative limit and read nothing) is capped: no array holds more.
    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var limit = maxBytes < Array.MaxLength ? maxBytes + 1 : Array.MaxLength;
        var length = request.ContentLength is { } declared and >= 0 ? (int)Math.Min(declared, limit) : Math.Min(limit, 4096);
        var buffer = new byte[Math.Max(length, 1)];
        var total = 0;
        while (total < limit)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return buffer.AsMemory(0, total);
    }
}
