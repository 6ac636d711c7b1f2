#region testing-fakes
using AuthClient.Primitives;
using AuthClient.Testing.Fakes;
using AuthClient.Weavr.Models;
using Xunit;

namespace MyApp.Tests;

public sealed class PasswordSignInUnitTests
{
    [Fact]
    public async Task SignIn_UsesTheAuthTokenForIdentities()
    {
        var weavr = new FakeWeavrAuthClient
        {
            OnLoginWithPassword = (email, password) => WeavrResults.Login("auth-token"),
            OnGetIdentities = (offset, limit, options) => WeavrResults.Identities(new UserIdentity(new(IdentityType.Consumer, "100"), "Ada")),
            OnRequestAccessToken = (identity, options) => WeavrResults.AccessToken(identity),
            // an SDK error with status, error code and request-ref: throw WeavrErrors.StepUpRequired(), Locked(), ...
        };

        var access = await new PasswordSignIn(weavr).SignInAsync("ada@example.com", "Passw0rd!", CancellationToken.None);

        Assert.NotNull(access);
        Assert.Equal(new WeavrCall(WeavrOperation.GetIdentities) { Token = new Secret("auth-token") }, weavr.Calls[1]);
    }
}
#endregion
