namespace AuthClient.Testing.Internal;

/// <summary>Which tokens an operation accepts.</summary>
internal enum TokenUse
{
    /// <summary><c>/identities</c>, <c>/access_token</c>: AUTH or ACCESS.</summary>
    AuthOrAccess,

    /// <summary>Everything else: ACCESS only (AUTH → 403 <c>ACCESS_TOKEN_REQUIRED</c>).</summary>
    AccessOnly,

    /// <summary><c>/passwords/update</c>: ACCESS or the temporary token of an expired-password login.</summary>
    PasswordUpdate,
}
