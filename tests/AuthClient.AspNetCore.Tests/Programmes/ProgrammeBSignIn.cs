#region programmes-consume
using AuthClient.Sessions;
using AuthClient.Weavr;
using Microsoft.Extensions.DependencyInjection;

namespace MyApp;

/// <summary>Signs users in to programme B: every call carries B's api key and B's tokens, to B's environment.</summary>
public sealed class ProgrammeBSignIn(
    [FromKeyedServices("programme-b")] IWeavrSessionRegistry sessions,
    [FromKeyedServices("programme-b")] IWeavrAuthClient weavr)
{
    public Task<IWeavrSession> SignInAsync(string userKey, string email, string password, CancellationToken cancellationToken) =>
        sessions.SignInWithPasswordAsync(userKey, email, password, cancellationToken);

    public Task<WeavrResponse<PasswordPolicyOutcome>> CheckPasswordAsync(string password, CancellationToken cancellationToken) =>
        weavr.ValidatePasswordAsync(password, cancellationToken: cancellationToken);
}
#endregion
