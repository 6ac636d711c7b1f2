#region quick-start-sign-in
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace MyApp;

public sealed class PasswordSignIn(IWeavrAuthClient weavr)
{
    public async Task<AccessTokenResponse?> SignInAsync(string email, string password, CancellationToken ct)
    {
        var login = await weavr.LoginWithPasswordAsync(email, password, ct);
        if (login.Value.Outcome == PasswordLoginOutcome.PasswordExpired)
        {
            return null; // login.Value.Token is the temporary token: only /passwords/update accepts it
        }

        var auth = WeavrCallOptions.WithToken(login.Value.Token);
        var identities = await weavr.GetIdentitiesAsync(options: auth, cancellationToken: ct);
        var access = await weavr.RequestAccessTokenAsync(identities.Value.Identities[0].Id, auth, ct);
        Console.WriteLine($"ACCESS token ({access.Value.Status}), request-ref {access.RequestRef}");
        return access.Value;
    }
}
#endregion
