using AuthClient.Weavr;

namespace AuthClient.Errors;

/// <summary>
/// Weavr answered 409 <c>PASSWORD_TOO_SHORT</c>, <c>PASSWORD_TOO_LONG</c> or <c>PASSWORD_TOO_SIMPLE</c>: the new
/// password breaks the programme's password policy and nothing was changed. Thrown by a password update or a
/// lost-password resume, and by a session that checked the password with <c>POST /passwords/validate</c> before
/// attempting either (then <see cref="ApiErrorDetails.Path"/> is that of the check).
/// </summary>
public sealed class WeavrPasswordPolicyException : WeavrConflictException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrPasswordPolicyException"/> class.</summary>
    /// <param name="details">What the server answered.</param>
    public WeavrPasswordPolicyException(ApiErrorDetails details)
        : base(details)
    {
    }

    /// <summary>Gets which rule the password breaks.</summary>
    public PasswordPolicyOutcome Outcome => FromErrorCode(ErrorCode) ?? PasswordPolicyOutcome.TooSimple;

    /// <summary>Reads a policy refusal from an error code, or <see langword="null"/> for any other code.</summary>
    /// <param name="errorCode">The 409 error code.</param>
    /// <returns>The broken rule, or <see langword="null"/>.</returns>
    public static PasswordPolicyOutcome? FromErrorCode(string? errorCode) => errorCode switch
    {
        WeavrErrorCodes.PasswordTooShort => PasswordPolicyOutcome.TooShort,
        WeavrErrorCodes.PasswordTooLong => PasswordPolicyOutcome.TooLong,
        WeavrErrorCodes.PasswordTooSimple => PasswordPolicyOutcome.TooSimple,
        _ => null,
    };

    internal static string? ToErrorCode(PasswordPolicyOutcome outcome) => outcome switch
    {
        PasswordPolicyOutcome.TooShort => WeavrErrorCodes.PasswordTooShort,
        PasswordPolicyOutcome.TooLong => WeavrErrorCodes.PasswordTooLong,
        PasswordPolicyOutcome.TooSimple => WeavrErrorCodes.PasswordTooSimple,
        _ => null,
    };
}
