using System.Globalization;
using System.Net;
using AuthClient.Errors;
using AuthClient.Testing.Fakes.Internal;
using AuthClient.Transmit;

namespace AuthClient.Testing.Fakes;

/// <summary>
/// Builds the exceptions <see cref="ITransmitBiometricsClient"/> throws (<see cref="TransmitApiException"/>, and the
/// transport failures), with the properties the SDK's error mapping sets, for a <see cref="FakeTransmitBiometricsClient"/>
/// (or any fake or mock): <c>fake.OnAuthenticate = _ => throw TransmitErrors.BadRequest("auth_invalid_signature")</c>.
/// </summary>
/// <remarks>
/// Pass <c>operation</c> to describe its HTTP method and path (with the default <c>/cis</c> base path); without it they
/// read <c>?</c>. Transmit documents no correlation header, so <c>requestRef</c> is <see langword="null"/> unless given.
/// </remarks>
public static class TransmitErrors
{
    private const string Api = "Transmit";

    /// <summary>400: a rejected request. With a <paramref name="tsErrorCode"/> it has Transmit's current shape
    /// (<c>{ message, error_code: 400, ts_error_code }</c>, so <see cref="AuthClientApiException.ErrorCode"/> is <c>400</c>);
    /// without, the older <c>{ error_code: "invalid_request", message }</c>.</summary>
    /// <param name="tsErrorCode">Transmit's own code, e.g. <c>auth_invalid_signature</c> or <see cref="TransmitErrorCodes.InvalidKeyType"/>.</param>
    /// <param name="message">The server's message; default a generic one.</param>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="requestRef">A correlation id, if the test needs one.</param>
    /// <returns>The exception.</returns>
    public static TransmitApiException BadRequest(string? tsErrorCode = null, string? message = null, TransmitOperation? operation = null, string? requestRef = null) =>
        new(
            FakeFailures.Details(
                Api,
                FakeRoutes.Of(operation),
                HttpStatusCode.BadRequest,
                tsErrorCode is null ? TransmitErrorCodes.InvalidRequest : "400",
                requestRef,
                message ?? (tsErrorCode is null ? "Invalid request: property should not be null or undefined" : "Invalid request")),
            tsErrorCode);

    /// <summary>401 <c>{ message, error_code: 401 }</c>: the client access token (renewed once by the SDK) or the user access token was refused
    /// (<see cref="TransmitApiException.IsUnauthorized"/>).</summary>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="requestRef">A correlation id, if the test needs one.</param>
    /// <returns>The exception.</returns>
    public static TransmitApiException Unauthorized(TransmitOperation? operation = null, string? requestRef = null) =>
        Status(HttpStatusCode.Unauthorized, operation, requestRef, "Unauthorized");

    /// <summary>404 <c>{ message, error_code: 404 }</c>: e.g. an unknown user.</summary>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="requestRef">A correlation id, if the test needs one.</param>
    /// <returns>The exception.</returns>
    public static TransmitApiException NotFound(TransmitOperation? operation = null, string? requestRef = null) =>
        Status(HttpStatusCode.NotFound, operation, requestRef, "Not found");

    /// <summary>409 <c>{ message }</c>: e.g. the key is already registered.</summary>
    /// <param name="message">The server's message.</param>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="requestRef">A correlation id, if the test needs one.</param>
    /// <returns>The exception.</returns>
    public static TransmitApiException Conflict(string message = "Conflict", TransmitOperation? operation = null, string? requestRef = null) =>
        new(FakeFailures.Details(Api, FakeRoutes.Of(operation), HttpStatusCode.Conflict, null, requestRef, message));

    /// <summary>5xx after the SDK's own retries.</summary>
    /// <param name="status">The status, 500 to 599.</param>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <param name="requestRef">A correlation id, if the test needs one.</param>
    /// <returns>The exception.</returns>
    public static TransmitApiException ServerError(int status = 500, TransmitOperation? operation = null, string? requestRef = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        return new(FakeFailures.Details(Api, FakeRoutes.Of(operation), (HttpStatusCode)status, null, requestRef));
    }

    /// <summary>No HTTP answer: <see cref="AuthClientTransportException"/>.</summary>
    /// <param name="outcomeUnknown"><see langword="true"/> (default) when the connection dropped after sending;
    /// <see langword="false"/> when it could not connect and nothing was sent.</param>
    /// <param name="operation">The operation that failed, if it matters to the test.</param>
    /// <returns>The exception.</returns>
    public static AuthClientTransportException Transport(bool outcomeUnknown = true, TransmitOperation? operation = null) =>
        FakeFailures.Transport(Api, FakeRoutes.Of(operation), outcomeUnknown, idempotencyRef: null);

    private static TransmitApiException Status(HttpStatusCode status, TransmitOperation? operation, string? requestRef, string message) =>
        new(FakeFailures.Details(Api, FakeRoutes.Of(operation), status, ((int)status).ToString(CultureInfo.InvariantCulture), requestRef, message));
}
