using System.Net;
using AuthClient.Errors;

namespace AuthClient.Transmit;

/// <summary>
/// Transmit answered with an error status. Transmit's error bodies come in three shapes (<c>error_code</c> a string
/// or a number, <c>message</c> a string or an array, an optional <c>ts_error_code</c>); all are read into
/// <see cref="AuthClientApiException.ErrorCode"/> (always text), <see cref="TsErrorCode"/> and <see cref="Messages"/>.
/// Never contains a secret.
/// </summary>
public sealed class TransmitApiException : AuthClientApiException
{
    private readonly string? _hint;

    /// <summary>Initializes a new instance of the <see cref="TransmitApiException"/> class.</summary>
    /// <param name="details">What the server answered.</param>
    /// <param name="tsErrorCode">The <c>ts_error_code</c> from the body, if any.</param>
    /// <param name="hint">Guidance appended to the message (never a secret), if any.</param>
    public TransmitApiException(ApiErrorDetails details, string? tsErrorCode = null, string? hint = null)
        : base(details)
    {
        TsErrorCode = tsErrorCode;
        _hint = hint;
    }

    /// <summary>Gets Transmit's own error code (<c>ts_error_code</c>), e.g. <see cref="TransmitErrorCodes.MaxAuthenticatorsExceeded"/>.</summary>
    public string? TsErrorCode { get; }

    /// <summary>Gets the server's message(s): <c>message</c> as a string or each entry of an array.</summary>
    public IReadOnlyList<string> Messages => Details.ServerMessages;

    /// <summary>Gets a value indicating whether the call was rejected as unauthenticated (a bad or expired token, or wrong client credentials).</summary>
    public bool IsUnauthorized => StatusCode == HttpStatusCode.Unauthorized;

    /// <inheritdoc />
    public override string Message => _hint is null ? base.Message : $"{base.Message} {_hint}";
}
