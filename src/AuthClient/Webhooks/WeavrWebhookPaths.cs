using System.Diagnostics.CodeAnalysis;

namespace AuthClient.Webhooks;

/// <summary>The paths Weavr appends to your webhook URL, and the mapping between paths and <see cref="WeavrWebhookKind"/>.</summary>
public static class WeavrWebhookPaths
{
    /// <summary><c>/login/watch</c>.</summary>
    public const string Login = "/login/watch";

    /// <summary><c>/stepup/watch</c>.</summary>
    public const string StepUp = "/stepup/watch";

    /// <summary><c>/authentication_factors/watch</c>.</summary>
    public const string Enrolment = "/authentication_factors/watch";

    /// <summary><c>/auth/users/user_deactivated/watch</c>.</summary>
    public const string UserDeactivated = "/auth/users/user_deactivated/watch";

    /// <summary>Gets the path of a webhook kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The path, starting with <c>/</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public static string GetPath(WeavrWebhookKind kind) => kind switch
    {
        WeavrWebhookKind.Login => Login,
        WeavrWebhookKind.StepUp => StepUp,
        WeavrWebhookKind.Enrolment => Enrolment,
        WeavrWebhookKind.UserDeactivated => UserDeactivated,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown webhook kind."),
    };

    /// <summary>
    /// Finds the kind of a request path that ends with one of the watch paths (case-insensitive, a trailing
    /// <c>/</c> allowed), e.g. <c>/webhooks/weavr/stepup/watch</c> → <see cref="WeavrWebhookKind.StepUp"/>.
    /// </summary>
    /// <param name="path">The request path.</param>
    /// <param name="kind">The kind, when found.</param>
    /// <returns><see langword="true"/> when the path ends with a known watch path.</returns>
    public static bool TryGetKind([NotNullWhen(true)] string? path, out WeavrWebhookKind kind)
    {
        kind = default;
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var trimmed = path.AsSpan().TrimEnd('/');
        if (trimmed.EndsWith(Enrolment, StringComparison.OrdinalIgnoreCase))
        {
            kind = WeavrWebhookKind.Enrolment;
        }
        else if (trimmed.EndsWith(StepUp, StringComparison.OrdinalIgnoreCase))
        {
            kind = WeavrWebhookKind.StepUp;
        }
        else if (trimmed.EndsWith(UserDeactivated, StringComparison.OrdinalIgnoreCase))
        {
            kind = WeavrWebhookKind.UserDeactivated;
        }
        else if (trimmed.EndsWith(Login, StringComparison.OrdinalIgnoreCase))
        {
            kind = WeavrWebhookKind.Login;
        }

        return kind != default;
    }
}
