using AuthClient.Weavr.Models;

namespace AuthClient.Sessions;

/// <summary>
/// The user has several identities (or none was listed) and none is selected: call
/// <see cref="IWeavrSession.SelectIdentityAsync"/> with one of <see cref="Identities"/>. Nothing was sent.
/// </summary>
public sealed class WeavrIdentitySelectionRequiredException : WeavrSessionException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrIdentitySelectionRequiredException"/> class.</summary>
    /// <param name="userKey">The application's key of the session's user.</param>
    /// <param name="identities">The identities to choose from.</param>
    public WeavrIdentitySelectionRequiredException(string userKey, IReadOnlyList<UserIdentity> identities)
        : base(userKey, WeavrSessionState.Authenticated,
            $"The user has {identities.Count} identities and none is selected: call SelectIdentityAsync first. Nothing was sent.")
    {
        Identities = identities;
    }

    /// <summary>Gets the identities to choose from.</summary>
    public IReadOnlyList<UserIdentity> Identities { get; }
}
