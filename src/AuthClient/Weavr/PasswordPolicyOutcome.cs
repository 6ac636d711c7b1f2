namespace AuthClient.Weavr;

/// <summary>What Weavr's password policy says about a password (<c>POST /passwords/validate</c>).</summary>
public enum PasswordPolicyOutcome
{
    /// <summary>The password passes every complexity check (204).</summary>
    Accepted,

    /// <summary>409 <c>PASSWORD_TOO_SHORT</c>.</summary>
    TooShort,

    /// <summary>409 <c>PASSWORD_TOO_LONG</c>.</summary>
    TooLong,

    /// <summary>409 <c>PASSWORD_TOO_SIMPLE</c>.</summary>
    TooSimple,
}
