using System.Diagnostics;

namespace AuthClient.Telemetry.Internal;

/// <summary>
/// The <c>AuthClient</c> activity source and the names of its spans and attributes. Span names and tag values are
/// low-cardinality and never carry a token, key, password, code or e-mail: operation ids, templates, states and
/// outcomes only (the canary tests check it).
/// </summary>
internal static class AuthClientActivity
{
    public static readonly ActivitySource Source = new(AuthClientTelemetry.ActivitySourceName, typeof(AuthClientActivity).Assembly.GetName().Version?.ToString());

    public const string StepUp = "authclient.step_up";
    public const string BiometricSignInWait = "authclient.biometric_sign_in.wait";
    public const string WebhookReceive = "authclient.webhook.receive";
    public const string TransmitToken = "authclient.transmit.token";

    // Stable HTTP semantic conventions.
    public const string HttpRequestMethod = "http.request.method";
    public const string UrlTemplate = "url.template";
    public const string HttpResponseStatusCode = "http.response.status_code";
    public const string ErrorType = "error.type";

    // AuthClient's own.
    public const string Api = "authclient.api";
    public const string Operation = "authclient.operation";
    public const string Outcome = "authclient.outcome";
    public const string RequestRef = "authclient.request_ref";
    public const string Attempts = "authclient.attempts";
    public const string StepUpMethod = "authclient.step_up.method";
    public const string StepUpTrigger = "authclient.step_up.trigger";
    public const string SessionFrom = "authclient.session.from";
    public const string SessionTo = "authclient.session.to";
    public const string WebhookKind = "authclient.webhook.kind";
    public const string RejectionReason = "authclient.webhook.rejection_reason";
    public const string Cache = "authclient.cache";

    /// <summary>Starts the client span of one logical HTTP call, named after the operation (<c>weavr.loginWithPassword</c>).</summary>
    public static Activity? StartCall(string api, string operation, HttpMethod method, string? urlTemplate)
    {
        if (!Source.HasListeners())
        {
            return null; // the span's name is built only for a listener: one string a call otherwise
        }

        var activity = Source.StartActivity(api + "." + operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Api, api);
            activity.SetTag(Operation, operation);
            activity.SetTag(HttpRequestMethod, method.Method);
            if (urlTemplate is not null)
            {
                activity.SetTag(UrlTemplate, urlTemplate);
            }
        }

        return activity;
    }

    /// <summary>Records the HTTP answer of a call; a status of 400 or more marks the span as an error.</summary>
    public static void Answered(Activity? activity, int statusCode)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(HttpResponseStatusCode, statusCode);
        if (statusCode >= 400)
        {
            activity.SetTag(ErrorType, statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>Records a failure without an answer: the exception's type name is the <c>error.type</c>.</summary>
    public static void Failed(Activity? activity, Exception exception) => Failed(activity, exception.GetType().FullName ?? exception.GetType().Name);

    /// <summary>Records a failure with <paramref name="errorType"/> as the <c>error.type</c>.</summary>
    public static void Failed(Activity? activity, string errorType)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(ErrorType, errorType);
        activity.SetStatus(ActivityStatusCode.Error);
    }
}
