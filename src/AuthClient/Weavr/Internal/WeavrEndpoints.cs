using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Refit;

namespace AuthClient.Weavr.Internal;

/// <summary>
/// The catalogue of Weavr operations this SDK calls: the single place that says which take a bearer token and which
/// declare <c>idempotency-ref</c>. The handlers and the OpenAPI conformance test both read it.
/// </summary>
internal static class WeavrEndpoints
{
    public static readonly WeavrEndpoint LoginWithPassword = new("loginWithPassword", HttpMethod.Post, "/login_with_password", false, false, false);
    public static readonly WeavrEndpoint LoginViaBiometrics = new("loginViaBiometrics", HttpMethod.Post, "/login_via_biometrics", false, false, false);
    public static readonly WeavrEndpoint Identities = new("userIdentities", HttpMethod.Get, "/identities", true, true, false);
    public static readonly WeavrEndpoint AccessToken = new("requestAccessToken", HttpMethod.Post, "/access_token", true, true, false);
    public static readonly WeavrEndpoint AuthenticationFactors = new("authFactorsGet", HttpMethod.Get, "/authentication_factors", true, false, false);
    public static readonly WeavrEndpoint EnrolOtp = new("enrolDeviceUsingOtpStepOne", HttpMethod.Post, "/authentication_factors/otp/{channel}", true, false, true);
    public static readonly WeavrEndpoint VerifyOtpEnrolment = new("enrolDeviceUsingOtpStepTwo", HttpMethod.Post, "/authentication_factors/otp/{channel}/verify", true, false, true);
    public static readonly WeavrEndpoint EnrolPush = new("enrolDeviceUsingPush", HttpMethod.Post, "/authentication_factors/push/{channel}", true, false, true);
    public static readonly WeavrEndpoint UnlinkPush = new("unlinkDeviceUsingPush", HttpMethod.Delete, "/authentication_factors/push/{channel}", true, false, true);
    public static readonly WeavrEndpoint StartOtpStepUp = new("stepupSCAChallenge", HttpMethod.Post, "/stepup/challenges/otp/{channel}", true, false, true);
    public static readonly WeavrEndpoint VerifyOtpStepUp = new("stepupSCAVerify", HttpMethod.Post, "/stepup/challenges/otp/{channel}/verify", true, false, true);
    public static readonly WeavrEndpoint StartPushStepUp = new("stepupSCAChallengePush", HttpMethod.Post, "/stepup/challenges/push/{channel}", true, false, true);
    public static readonly WeavrEndpoint Logout = new("logout", HttpMethod.Post, "/logout", true, false, false);
    public static readonly WeavrEndpoint PasswordUpdate = new("passwordUpdate", HttpMethod.Post, "/passwords/update", true, false, false);
    public static readonly WeavrEndpoint PasswordValidate = new("passwordValidate", HttpMethod.Post, "/passwords/validate", false, false, false);
    public static readonly WeavrEndpoint LostPasswordStart = new("lostPasswordInitiate", HttpMethod.Post, "/passwords/lost_password/start", false, false, false);
    public static readonly WeavrEndpoint LostPasswordResume = new("lostPasswordResume", HttpMethod.Post, "/passwords/lost_password/resume", false, false, false);

    public static IReadOnlyList<WeavrEndpoint> All { get; } =
    [
        LoginWithPassword, LoginViaBiometrics, Identities, AccessToken, AuthenticationFactors, EnrolOtp,
        VerifyOtpEnrolment, EnrolPush, UnlinkPush, StartOtpStepUp, VerifyOtpStepUp, StartPushStepUp, Logout, PasswordUpdate,
        PasswordValidate, LostPasswordStart, LostPasswordResume,
    ];

    // Refit stamps each request with its interface's path template: an exact lookup instead of a regex per operation.
    private static readonly HttpRequestOptionsKey<string> RefitTemplate = new(HttpRequestMessageOptions.RelativePathTemplate);
    private static readonly FrozenDictionary<string, WeavrEndpoint[]> ByTemplate =
        All.GroupBy(e => e.Template, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>Finds the operation a request targets, or <see langword="null"/> for a request this SDK does not know.</summary>
    public static WeavrEndpoint? Find(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(RefitTemplate, out var template) && ByTemplate.TryGetValue(template, out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (candidate.Method == request.Method)
                {
                    return candidate;
                }
            }
        }

        var path = request.RequestUri?.AbsolutePath;
        if (path is null)
        {
            return null;
        }

        var patterns = s_pathPatterns ??= [.. All.Select(static e => PathPattern(e.Template))];
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Method == request.Method && patterns[i].IsMatch(path))
            {
                return All[i];
            }
        }

        return null;
    }

    // The fallback for a request without Refit's template (sent through the handlers by other means), one pattern per
    // operation in the order of All, built on first use: building them up front was ~8 % of a Native AOT first call
    // (a compiled regex each under the JIT). A race only builds the same array twice.
    private static Regex[]? s_pathPatterns;

    // "/stepup/challenges/otp/{channel}" matches any single segment for {channel}, at the end of a path that may carry a base path.
    private static Regex PathPattern(string template) =>
        new(Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?}", "[^/]+") + "$", RegexOptions.CultureInvariant);
}
