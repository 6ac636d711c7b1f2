using System.Net;
using AuthClient.Errors;
using AuthClient.Testing.Fakes.Internal;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Fakes;

/// <summary>
/// Builds the exceptions <see cref="Weavr.IWeavrAuthClient"/> throws, exactly the types and properties the SDK's error
/// mapping produces, for a <see cref="FakeWeavrAuthClient"/> (or any fake or mock) in your unit tests:
/// <c>fake.OnUnlinkPush = (_, _) => throw WeavrErrors.StepUpRequired()</c>.
/// </summary>
/// <remarks>
/// Pass <c>operation</c> to describe its HTTP method and path (with the default <c>/multi</c> base path and the
/// documented template, e.g. <c>DELETE /multi/authentication_factors/push/{channel}</c>); without it they read
/// <c>?</c>, as the SDK reports an unknown request. Unless given, the <c>request-ref</c> is <c>req-</c> and the status
/// code (e.g. <c>req-409</c>). Like the SDK's, the messages name the call, status, error code and references, never a secret.
/// </remarks>
public static class WeavrErrors
{
    private const string Api = "Weavr";

    /// <summary>400 with field-level syntax errors: <see cref="WeavrBadRequestException"/>.</summary>
    /// <param name="invalidFields">The field errors, e.g. <c>new InvalidField { FieldName = "email", Error = "REGEX" }</c>.</param>
    /// <returns>The exception.</returns>
    public static WeavrBadRequestException BadRequest(params InvalidField[] invalidFields) => BadRequest(invalidFields, operation: null);

    /// <summary>400 with field-level syntax errors: <see cref="WeavrBadRequestException"/>.</summary>
    /// <param name="invalidFields">The field errors.</param>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="requestRef">The <c>request-ref</c>; default <c>req-400</c>.</param>
    /// <returns>The exception.</returns>
    public static WeavrBadRequestException BadRequest(IEnumerable<InvalidField> invalidFields, WeavrOperation? operation = null, string? requestRef = null)
    {
        ArgumentNullException.ThrowIfNull(invalidFields);
        return new(Details(HttpStatusCode.BadRequest, null, operation, requestRef), [.. invalidFields]);
    }

    /// <summary>401, no body: the api key or the token is invalid or has expired: <see cref="WeavrUnauthorizedException"/>.</summary>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="requestRef">The <c>request-ref</c>; default <c>req-401</c>.</param>
    /// <returns>The exception.</returns>
    public static WeavrUnauthorizedException Unauthorized(WeavrOperation? operation = null, string? requestRef = null) =>
        new(Details(HttpStatusCode.Unauthorized, null, operation, requestRef));

    /// <summary>403: <see cref="WeavrForbiddenException"/>, with the reason Weavr gave, if any.</summary>
    /// <param name="errorCode">The reason, e.g. <see cref="WeavrErrorCodes.InsufficientPermissions"/>; <see langword="null"/> for a bare 403.</param>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="requestRef">The <c>request-ref</c>; default <c>req-403</c>.</param>
    /// <returns>The exception.</returns>
    public static WeavrForbiddenException Forbidden(string? errorCode = null, WeavrOperation? operation = null, string? requestRef = null) =>
        new(Details(HttpStatusCode.Forbidden, errorCode, operation, requestRef));

    /// <summary>The bare 403 a password login gets for a wrong e-mail or password (Weavr does not say which).</summary>
    /// <param name="requestRef">The <c>request-ref</c>; default <c>req-403</c>.</param>
    /// <returns>The exception, describing <c>POST /multi/login_with_password</c>.</returns>
    public static WeavrForbiddenException InvalidCredentials(string? requestRef = null) =>
        Forbidden(null, WeavrOperation.LoginWithPassword, requestRef);

    /// <summary>403 <c>STEP_UP_REQUIRED</c>: the call needs a stepped-up token (<see cref="WeavrForbiddenException.IsStepUpRequired"/>).</summary>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="requestRef">The <c>request-ref</c>; default <c>req-403</c>.</param>
    /// <returns>The exception.</returns>
    public static WeavrForbiddenException StepUpRequired(WeavrOperation? operation = null, string? requestRef = null) =>
        Forbidden(WeavrErrorCodes.StepUpRequired, operation, requestRef);

    /// <summary>403 <c>ACCESS_TOKEN_REQUIRED</c>: an AUTH token was sent where an ACCESS token is needed.</summary>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="requestRef">The <c>request-ref</c>; default <c>req-403</c>.</param>
    /// <returns>The exception.</returns>
    public static WeavrForbiddenException AccessTokenRequired(WeavrOperation? operation = null, string? requestRef = null) =>
        Forbidden(WeavrErrorCodes.AccessTokenRequired, operation, requestRef);

    /// <summary>404 with a resource error: <see cref="WeavrNotFoundException"/>.</summary>
    /// <param name="errorCode">The error code, if any.</param>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="requestRef">The <c>request-ref</c>; default <c>req-404</c>.</param>
    /// <returns>The exception.</returns>
    public static WeavrNotFoundException NotFound(string? errorCode = null, WeavrOperation? operation = null, string? requestRef = null) =>
        new(Details(HttpStatusCode.NotFound, errorCode, operation, requestRef));

    /// <summary>410 <c>TOKEN_EXPIRED</c>: <see cref="WeavrTokenException"/> with <see cref="WeavrTokenException.IsExpired"/>.</summary>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="requestRef">The <c>request-ref</c>; default <c>req-410</c>.</param>
    /// <returns>The exception.</returns>
    public static WeavrTokenException TokenExpired(WeavrOperation? operation = null, string? requestRef = null) =>
        new(Details(HttpStatusCode.Gone, WeavrErrorCodes.TokenExpired, operation, requestRef));

    /// <summary>409 with an endpoint-specific error code: <see cref="WeavrConflictException"/>.</summary>
    /// <param name="errorCode">The error code, e.g. <see cref="WeavrErrorCodes.VerificationCodeInvalid"/>.</param>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="requestRef">The <c>request-ref</c>; default <c>req-409</c>.</param>
    /// <returns>The exception.</returns>
    public static WeavrConflictException Conflict(string errorCode, WeavrOperation? operation = null, string? requestRef = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        return new(Details(HttpStatusCode.Conflict, errorCode, operation, requestRef));
    }

    /// <summary>423, no body: the account is locked for <see cref="WeavrLockedException.LockDuration"/> after failed logins.</summary>
    /// <param name="requestRef">The <c>request-ref</c>; default <c>req-423</c>.</param>
    /// <returns>The exception, describing <c>POST /multi/login_with_password</c>.</returns>
    public static WeavrLockedException Locked(string? requestRef = null) =>
        new(Details(HttpStatusCode.Locked, null, WeavrOperation.LoginWithPassword, requestRef));

    /// <summary>429 after the SDK's own retries: <see cref="WeavrRateLimitedException"/>.</summary>
    /// <param name="retryAfter">The <c>Retry-After</c> (and <c>x-ratelimit-reset</c>) delay, if the test needs one: <see cref="RateLimitInfo.SuggestedDelay"/>.</param>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="requestRef">The <c>request-ref</c>; default <c>req-429</c>.</param>
    /// <returns>The exception.</returns>
    public static WeavrRateLimitedException RateLimited(TimeSpan? retryAfter = null, WeavrOperation? operation = null, string? requestRef = null) =>
        new(Details(HttpStatusCode.TooManyRequests, null, operation, requestRef), new RateLimitInfo { RetryAfter = retryAfter, Reset = retryAfter });

    /// <summary>5xx, no body, after the SDK's own retries: <see cref="WeavrServerException"/>.</summary>
    /// <param name="status">The status, 500 to 599.</param>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="requestRef">The <c>request-ref</c>; default <c>req-</c> and the status.</param>
    /// <returns>The exception.</returns>
    public static WeavrServerException ServerError(int status = 500, WeavrOperation? operation = null, string? requestRef = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        return new(Details((HttpStatusCode)status, null, operation, requestRef));
    }

    /// <summary>No HTTP answer: <see cref="AuthClientTransportException"/>, after the SDK's own (safe) retries.</summary>
    /// <param name="outcomeUnknown"><see langword="true"/> (default) when the connection dropped after sending, so the
    /// server may have acted; <see langword="false"/> when it could not connect and nothing was sent.</param>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="idempotencyRef">The <c>idempotency-ref</c> the call was sent with, to replay it safely.</param>
    /// <returns>The exception.</returns>
    public static AuthClientTransportException Transport(bool outcomeUnknown = true, WeavrOperation? operation = null, string? idempotencyRef = null) =>
        FakeFailures.Transport(Api, FakeRoutes.Of(operation), outcomeUnknown, idempotencyRef);

    /// <summary>The call timed out: <see cref="AuthClientTimeoutException"/> (the outcome is unknown).</summary>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="idempotencyRef">The <c>idempotency-ref</c> the call was sent with, to replay it safely.</param>
    /// <returns>The exception.</returns>
    public static AuthClientTimeoutException Timeout(WeavrOperation? operation = null, string? idempotencyRef = null) =>
        FakeFailures.Timeout(Api, FakeRoutes.Of(operation), idempotencyRef);

    private static ApiErrorDetails Details(HttpStatusCode status, string? errorCode, WeavrOperation? operation, string? requestRef) =>
        FakeFailures.Details(Api, FakeRoutes.Of(operation), status, errorCode, requestRef ?? FakeFailures.DefaultRequestRef(status));
}
