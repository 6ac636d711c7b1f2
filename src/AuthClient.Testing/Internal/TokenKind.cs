namespace AuthClient.Testing.Internal;

/// <summary>The kinds of Weavr token the sandbox issues.</summary>
internal enum TokenKind
{
    /// <summary>From a login: usable on <c>/identities</c> and <c>/access_token</c> only.</summary>
    Auth,

    /// <summary>From <c>/access_token</c>: usable everywhere.</summary>
    Access,

    /// <summary>From a login with an expired password: usable on <c>/passwords/update</c> only.</summary>
    Temporary,
}
