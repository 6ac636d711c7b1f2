using AuthClient.Sessions.Internal;

namespace AuthClient.Sessions;

/// <summary>The end of a session whose user Weavr deactivated (<c>user_deactivated</c> webhook).</summary>
public sealed partial class WeavrSession
{
    /// <summary>Ends the session in <see cref="WeavrSessionState.Deactivated"/> when it belongs to <paramref name="email"/>
    /// (case-insensitive); persists it so other instances and later look-ups see why it ended.</summary>
    /// <returns>Whether this session was ended now.</returns>
    internal async ValueTask<bool> EndIfDeactivatedAsync(string email)
    {
        bool ended;
        lock (_sync)
        {
            if (!_data.BelongsTo(email))
            {
                return false;
            }

            var before = _data.State;
            _stepUpFlight = null;
            _exchangeFlight = null;
            TransitionLocked(new SessionEvent.Deactivated());
            ended = before != _data.State;
        }

        // Stored before StateChanged is raised: a handler (or another instance) that looks finds the ended state.
        await PersistAsync().ConfigureAwait(false);
        RaisePending();
        if (ended)
        {
            LogDeactivated(_services.Logger, UserKey);
        }

        return ended;
    }
}
