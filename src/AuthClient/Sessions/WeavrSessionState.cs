namespace AuthClient.Sessions;

/// <summary>Where a <see cref="IWeavrSession"/> is in the Weavr token life cycle.</summary>
public enum WeavrSessionState
{
    /// <summary>Not signed in: no token.</summary>
    Anonymous,

    /// <summary>Signed in with an AUTH token, usable only to list identities and to get an ACCESS token: an identity
    /// must be chosen (<see cref="IWeavrSession.SelectIdentityAsync"/>) when the user has several.</summary>
    Authenticated,

    /// <summary>Holds a standard ACCESS token (<c>STANDARD</c>).</summary>
    Access,

    /// <summary>Holds a stepped-up ACCESS token (<c>STEPPED_UP</c>): strong customer authentication passed.</summary>
    SteppedUp,

    /// <summary>The password has expired: the session holds a temporary token, valid solely for
    /// <see cref="IWeavrSession.UpdatePasswordAsync"/>.</summary>
    PasswordExpired,

    /// <summary>The account is locked after failed attempts (HTTP 423) until <see cref="IWeavrSession.LockedUntil"/>;
    /// nothing is sent before then.</summary>
    Locked,

    /// <summary>The token expired (idle for longer than the idle timeout, or the server answered 401); sign in again.</summary>
    Expired,

    /// <summary>The session was logged out; sign in again.</summary>
    LoggedOut,

    /// <summary>Weavr deactivated the user (the <c>user_deactivated</c> webhook named the session's e-mail address): the
    /// session's tokens are dropped and nothing is sent; Weavr refuses the user until an administrator reactivates them.</summary>
    Deactivated,
}
