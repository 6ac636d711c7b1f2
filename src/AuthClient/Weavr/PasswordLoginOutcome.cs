namespace AuthClient.Weavr;

/// <summary>How a password login ended.</summary>
public enum PasswordLoginOutcome
{
    /// <summary>The user is authenticated: the token is an AUTH token; exchange it with <c>/access_token</c>.</summary>
    Authenticated,

    /// <summary>The password has expired: the token is a temporary token, valid solely for <c>/passwords/update</c>.</summary>
    PasswordExpired,
}
