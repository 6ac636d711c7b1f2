using AuthClient.Errors;

namespace AuthClient.Tests.Hardening;

/// <summary>What the caller must get from one fault on one kind of call, and how many requests the server may see.</summary>
/// <param name="Exception">The exception type (exact, or a base when <paramref name="ApiStatus"/> is set); null for success.</param>
/// <param name="Attempts">The requests the faulty endpoint must see.</param>
/// <param name="OutcomeUnknown">For transport failures: whether the caller is told the server may have acted.</param>
/// <param name="ApiStatus">For API errors: the status the typed exception must carry.</param>
internal sealed record Expectation(Type? Exception, int Attempts, bool? OutcomeUnknown = null, int? ApiStatus = null)
{
    public static Expectation Success(int attempts) => new(null, attempts);

    public static Expectation Api(int status, int attempts) => new(typeof(AuthClientApiException), attempts, ApiStatus: status);

    public static Expectation Invalid(int attempts = 1) => new(typeof(AuthClientInvalidResponseException), attempts);

    public static Expectation Redirect() => new(typeof(AuthClientRedirectException), 1);

    public static Expectation Timeout(int attempts) => new(typeof(AuthClientTimeoutException), attempts, OutcomeUnknown: true);

    public static Expectation Transport(int attempts) => new(typeof(AuthClientTransportException), attempts, OutcomeUnknown: true);
}
