using AuthClient.Errors;
using AuthClient.Sessions;
using AuthClient.Weavr.Models;
using static AuthClient.Tests.Sessions.SessionTestHost;

namespace AuthClient.Tests.Sessions;

public sealed partial class WeavrSessionTests : IDisposable
{
    private readonly SessionTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task SignInWithPasswordAsync_OneIdentity_EndsInAccessThroughAuthenticated()
    {
        _host.StubPasswordLogin();
        _host.StubIdentities("auth-1", ("CONSUMER", "11", "Ada"));
        _host.StubAccessToken("auth-1");
        var session = await _host.Sessions.GetOrCreateAsync(UserKey);
        var transitions = Record(session);
        Assert.Equal(WeavrSessionState.Anonymous, session.State);

        var state = await session.SignInWithPasswordAsync(Email, Password);

        Assert.Equal(WeavrSessionState.Access, state);
        Assert.Equal(["Anonymous>Authenticated", "Authenticated>Access"], transitions);
        Assert.Equal(AccessTokenStatus.Standard, session.TokenStatus);
        Assert.Equal(Consumer11, session.Identity);
        Assert.Equal(Root77, session.Credential);
        Assert.Equal("access-1", session.Token!.Reveal());
        Assert.Equal(Start + TimeSpan.FromMinutes(5), session.ExpiresAt);
        Assert.False(session.IsIdentitySelectionRequired);
        Assert.Equal(["POST /login_with_password", "GET /identities", "POST /access_token"], _host.Paths());
        Assert.Equal("Bearer auth-1", Header(_host.Requests("/identities")[0], "Authorization"));
        Assert.Equal("Bearer auth-1", Header(_host.Requests("/access_token")[0], "Authorization"));
        Assert.Null(Header(_host.Requests("/login_with_password")[0], "Authorization"));
    }

    [Fact]
    public async Task SignInWithPasswordAsync_SeveralIdentities_WaitsForSelectIdentity()
    {
        _host.StubPasswordLogin();
        _host.StubIdentities("auth-1", ("CONSUMER", "11", "Ada"), ("CORPORATE", "12", "Ada Ltd"));
        _host.StubAccessToken("auth-1", token: "access-corp", identityId: "12", identityType: "CORPORATE");

        var session = await _host.Sessions.SignInWithPasswordAsync(UserKey, Email, Password);

        Assert.Equal(WeavrSessionState.Authenticated, session.State);
        Assert.True(session.IsIdentitySelectionRequired);
        Assert.Equal(2, session.Identities.Count);
        Assert.Null(session.TokenStatus);
        var before = _host.RequestCount;
        var refused = await Assert.ThrowsAsync<WeavrIdentitySelectionRequiredException>(() => session.GetAuthenticationFactorsAsync());
        Assert.Equal(2, refused.Identities.Count);
        await Assert.ThrowsAsync<WeavrIdentitySelectionRequiredException>(() => session.StepUpAsync());
        Assert.Equal(before, _host.RequestCount);

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => session.SelectIdentityAsync(new IdentityId(IdentityType.Corporate, "13")));
        Assert.Equal("identity", unknown.ParamName);
        Assert.Equal(before, _host.RequestCount);

        var state = await session.SelectIdentityAsync(new IdentityId(IdentityType.Corporate, "12"));

        Assert.Equal(WeavrSessionState.Access, state);
        Assert.Equal(new IdentityId(IdentityType.Corporate, "12"), session.Identity);
        Assert.Equal("access-corp", session.Token!.Reveal());
        Assert.Contains("\"id\":\"12\"", _host.Requests("/access_token").Single().RequestMessage!.Body);
    }

    [Fact]
    public async Task SelectIdentityAsync_InAccess_ThrowsStateExceptionAndSendsNothing()
    {
        var session = await _host.SignInAsync();
        var before = _host.RequestCount;

        var ex = await Assert.ThrowsAsync<WeavrSessionStateException>(() => session.SelectIdentityAsync(Consumer11));

        Assert.Equal(WeavrSessionState.Access, ex.State);
        Assert.Equal([WeavrSessionState.Authenticated], ex.RequiredStates);
        Assert.Equal(before, _host.RequestCount);
    }

    [Fact]
    public async Task State_SlidingExpiry_ValidAt859AfterCallAt4AndExpiredAt9WithoutSending()
    {
        _host.Stub(Get("/authentication_factors").WithHeader("Authorization", "Bearer access-1"),
            Json(200, """{"factors":[{"type":"OTP","status":"ACTIVE","channel":"SMS"}]}"""));
        var session = await _host.SignInAsync(); // 0:00
        var transitions = Record(session);

        _host.Time.Advance(TimeSpan.FromMinutes(4)); // 4:00
        Assert.Single(await session.GetAuthenticationFactorsAsync());
        Assert.Equal(Start + TimeSpan.FromMinutes(9), session.ExpiresAt);

        _host.Time.Advance(TimeSpan.FromSeconds(299)); // 8:59
        Assert.Equal(WeavrSessionState.Access, session.State);
        Assert.NotNull(session.Token);

        _host.Time.Advance(TimeSpan.FromSeconds(1)); // 9:00
        Assert.Equal(WeavrSessionState.Expired, session.State);
        Assert.Null(session.Token);
        Assert.Null(session.ExpiresAt);
        Assert.Equal(["Access>Expired"], transitions);

        var before = _host.RequestCount;
        var ex = await Assert.ThrowsAsync<WeavrSessionExpiredException>(() => session.GetAuthenticationFactorsAsync());
        Assert.Equal(Start + TimeSpan.FromMinutes(9), ex.ExpiredAt);
        Assert.Null(ex.InnerException);
        await Assert.ThrowsAsync<WeavrSessionExpiredException>(() => session.StepUpAsync());
        await Assert.ThrowsAsync<WeavrSessionExpiredException>(() => session.UnlinkPushAsync(ScaChannel.Authy));
        Assert.Equal(before, _host.RequestCount);
        Assert.Single(_host.Requests("/authentication_factors"));
    }

    [Fact]
    public async Task State_FailedCall_DoesNotSlideExpiry()
    {
        _host.Stub(Post("/authentication_factors/otp/SMS"), Conflict(WeavrErrorCodes.ChannelAlreadyRegistered));
        var session = await _host.SignInAsync();

        _host.Time.Advance(TimeSpan.FromMinutes(4));
        var result = await session.StartSmsOtpEnrolmentAsync();

        Assert.Equal(ChallengeOutcome.ChannelAlreadyRegistered, result.Outcome);
        Assert.Equal(Start + TimeSpan.FromMinutes(5), session.ExpiresAt);
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(WeavrSessionState.Expired, session.State);
    }

    [Fact]
    public async Task ExecuteAsync_Unauthorized_MovesToExpiredAndLaterCallsSendNothing()
    {
        _host.Stub(Get("/authentication_factors"), Status(401));
        var session = await _host.SignInAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(1));

        var ex = await Assert.ThrowsAsync<WeavrSessionExpiredException>(() => session.GetAuthenticationFactorsAsync());

        Assert.IsType<WeavrUnauthorizedException>(ex.InnerException);
        Assert.Equal(_host.Time.GetUtcNow(), ex.ExpiredAt);
        Assert.Equal(WeavrSessionState.Expired, session.State);
        var before = _host.RequestCount;
        await Assert.ThrowsAsync<WeavrSessionExpiredException>(() => session.GetAuthenticationFactorsAsync());
        Assert.Equal(before, _host.RequestCount);
    }

    [Fact]
    public async Task SignInWithPasswordAsync_PasswordExpired_UpdatePasswordContinuesToAccess()
    {
        _host.Stub(Post("/login_with_password"), Json(409, """{"token":"temp-1"}"""));
        _host.Stub(Post("/passwords/validate"), Status(204));
        _host.Stub(Post("/passwords/update").WithHeader("Authorization", "Bearer temp-1"),
            Json(200, """{"passwordInfo":{"identityId":{"type":"CONSUMER","id":"11"},"expiryDate":0},"token":"auth-2"}"""));
        _host.StubIdentities("auth-2", ("CONSUMER", "11", "Ada"));
        _host.StubAccessToken("auth-2", token: "access-2");
        _host.Stub(Get("/authentication_factors").WithHeader("Authorization", "Bearer access-2"), Json(200, """{"factors":[]}"""));
        var session = await _host.Sessions.GetOrCreateAsync(UserKey);
        var transitions = Record(session);

        await _host.Sessions.SignInWithPasswordAsync(UserKey, Email, Password);

        Assert.Equal(WeavrSessionState.PasswordExpired, session.State);
        Assert.Null(session.TokenStatus);
        var before = _host.RequestCount;
        var refused = await Assert.ThrowsAsync<WeavrSessionStateException>(() => session.GetAuthenticationFactorsAsync());
        Assert.Equal(WeavrSessionState.PasswordExpired, refused.State);
        Assert.Equal(before, _host.RequestCount);

        var state = await session.UpdatePasswordAsync(Password, "N3w!password");

        Assert.Equal(WeavrSessionState.Access, state);
        Assert.Equal("access-2", session.Token!.Reveal());
        Assert.Equal(["Anonymous>PasswordExpired", "PasswordExpired>Authenticated", "Authenticated>Access"], transitions);
        Assert.Empty(await session.GetAuthenticationFactorsAsync());
        Assert.Equal(
            ["POST /login_with_password", "POST /passwords/validate", "POST /passwords/update", "GET /identities", "POST /access_token", "GET /authentication_factors"],
            _host.Paths());
        Assert.Contains("N3w!password", _host.Requests("/passwords/update").Single().RequestMessage!.Body);
    }

    [Fact]
    public async Task UpdatePasswordAsync_ChangedButNoToken_EndsAnonymousWithoutReportingAFailure()
    {
        _host.Stub(Post("/login_with_password"), Json(409, """{"token":"temp-1"}"""));
        _host.Stub(Post("/passwords/validate"), Status(204));
        _host.Stub(Post("/passwords/update"), Json(200, """{"passwordInfo":{"identityId":{"type":"CONSUMER","id":"11"},"expiryDate":0}}"""));
        var session = await _host.Sessions.SignInWithPasswordAsync(UserKey, Email, Password);
        var transitions = Record(session);

        var state = await session.UpdatePasswordAsync(Password, "N3w!password");

        Assert.Equal(WeavrSessionState.Anonymous, state);
        Assert.Equal(WeavrSessionState.Anonymous, session.State);
        Assert.Null(session.Token);
        Assert.Equal(["PasswordExpired>Anonymous"], transitions);
        Assert.Equal(["POST /login_with_password", "POST /passwords/validate", "POST /passwords/update"], _host.Paths());
    }

    [Fact]
    public async Task UpdatePasswordAsync_PolicyRefusal_StaysPasswordExpired()
    {
        _host.Stub(Post("/login_with_password"), Json(409, """{"token":"temp-1"}"""));
        _host.Stub(Post("/passwords/validate"), Status(204));
        _host.Stub(Post("/passwords/update"), Conflict(WeavrErrorCodes.PasswordAlreadyUsed));
        var session = await _host.Sessions.SignInWithPasswordAsync(UserKey, Email, Password);

        var ex = await Assert.ThrowsAsync<WeavrConflictException>(() => session.UpdatePasswordAsync(Password, "Us3d!password"));

        Assert.Equal(WeavrErrorCodes.PasswordAlreadyUsed, ex.ErrorCode);
        Assert.Equal(WeavrSessionState.PasswordExpired, session.State);
    }

    [Fact]
    public async Task UpdatePasswordAsync_PolicyCheckRefuses_ThrowsTypedAnswerWithoutAttemptingTheUpdate()
    {
        _host.Stub(Post("/login_with_password"), Json(409, """{"token":"temp-1"}"""));
        _host.Stub(Post("/passwords/validate"), Conflict(WeavrErrorCodes.PasswordTooSimple));
        var session = await _host.Sessions.SignInWithPasswordAsync(UserKey, Email, Password);

        var ex = await Assert.ThrowsAsync<WeavrPasswordPolicyException>(() => session.UpdatePasswordAsync(Password, "simple"));

        Assert.Equal(AuthClient.Weavr.PasswordPolicyOutcome.TooSimple, ex.Outcome);
        Assert.Equal(WeavrErrorCodes.PasswordTooSimple, ex.ErrorCode);
        Assert.Equal(WeavrSessionState.PasswordExpired, session.State);
        Assert.Equal(["POST /login_with_password", "POST /passwords/validate"], _host.Paths());
        Assert.Null(SessionTestHost.Header(_host.Requests("/passwords/validate").Single(), "Authorization"));
        Assert.DoesNotContain("simple", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInWithPasswordAsync_Locked_RefusesWithoutSendingUntilThirtyMinutesPass()
    {
        _host.Stub(Post("/login_with_password"), Status(423), state: "locked", next: "unlocked");
        _host.Stub(Post("/login_with_password"), Json(200, """{"token":"auth-1","tokenType":"AUTH"}"""), state: "unlocked");
        _host.StubIdentities("auth-1", ("CONSUMER", "11", "Ada"));
        _host.StubAccessToken("auth-1");
        _host.SetState("locked");
        var transitions = Record(await _host.Sessions.GetOrCreateAsync(UserKey));

        var locked = await Assert.ThrowsAsync<WeavrSessionLockedException>(() => _host.Sessions.SignInWithPasswordAsync(UserKey, Email, Password));

        Assert.IsType<WeavrLockedException>(locked.InnerException);
        Assert.Equal(Start + TimeSpan.FromMinutes(30), locked.LockedUntil);
        var session = (await _host.Sessions.FindAsync(UserKey))!;
        Assert.Equal(WeavrSessionState.Locked, session.State);
        Assert.Equal(Start + TimeSpan.FromMinutes(30), session.LockedUntil);

        _host.Time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        var before = _host.RequestCount;
        var early = await Assert.ThrowsAsync<WeavrSessionLockedException>(() => session.SignInWithPasswordAsync(Email, Password));
        Assert.Null(early.InnerException);
        await Assert.ThrowsAsync<WeavrSessionLockedException>(() => session.SignInWithBiometricsAsync(Email));
        await Assert.ThrowsAsync<WeavrSessionLockedException>(() => session.GetAuthenticationFactorsAsync());
        Assert.Equal(before, _host.RequestCount);

        _host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(WeavrSessionState.Anonymous, session.State);
        Assert.Equal(WeavrSessionState.Access, await session.SignInWithPasswordAsync(Email, Password));
        Assert.Equal(2, _host.Requests("/login_with_password").Count);
        Assert.Equal(["Anonymous>Locked", "Locked>Anonymous", "Anonymous>Authenticated", "Authenticated>Access"], transitions);
    }

    [Fact]
    public async Task SignInWithPasswordAsync_AccessTokenLocked_MovesToLocked()
    {
        _host.StubPasswordLogin();
        _host.StubIdentities("auth-1", ("CONSUMER", "11", "Ada"));
        _host.Stub(Post("/access_token"), Status(423));

        var ex = await Assert.ThrowsAsync<WeavrSessionLockedException>(() => _host.Sessions.SignInWithPasswordAsync(UserKey, Email, Password));

        Assert.Equal(Start + TimeSpan.FromMinutes(30), ex.LockedUntil);
        Assert.Equal(WeavrSessionState.Locked, (await _host.Sessions.FindAsync(UserKey))!.State);
    }

    [Fact]
    public async Task SignInWithPasswordAsync_WrongCredentials_ThrowsForbiddenAndStaysAnonymous()
    {
        _host.Stub(Post("/login_with_password"), Status(403));

        await Assert.ThrowsAsync<WeavrForbiddenException>(() => _host.Sessions.SignInWithPasswordAsync(UserKey, Email, "Wr0ng!pass"));

        Assert.Equal(WeavrSessionState.Anonymous, (await _host.Sessions.FindAsync(UserKey))!.State);
    }

    [Fact]
    public async Task SignInWithPasswordAsync_BadInput_ThrowsArgumentExceptionAndSendsNothing()
    {
        var session = await _host.Sessions.GetOrCreateAsync(UserKey);

        Assert.Equal("email", (await Assert.ThrowsAsync<ArgumentException>(() => session.SignInWithPasswordAsync("not-an-email", Password))).ParamName);
        Assert.Equal("password", (await Assert.ThrowsAnyAsync<ArgumentException>(() => session.SignInWithPasswordAsync(Email, ""))).ParamName);
        Assert.Equal("verificationCode", (await Assert.ThrowsAsync<ArgumentException>(() => session.VerifyOtpStepUpAsync("12345"))).ParamName);
        Assert.Equal(0, _host.RequestCount);
    }

    [Fact]
    public async Task LogoutAsync_Access_RevokesAndLaterCallsSendNothing()
    {
        _host.Stub(Post("/logout").WithHeader("Authorization", "Bearer access-1"), Status(204));
        var session = await _host.SignInAsync();
        var transitions = Record(session);

        await session.LogoutAsync();

        Assert.Equal(WeavrSessionState.LoggedOut, session.State);
        Assert.Equal(["Access>LoggedOut"], transitions);
        Assert.Null(session.Token);
        Assert.Single(_host.Requests("/logout"));
        var before = _host.RequestCount;
        await Assert.ThrowsAsync<WeavrSessionLoggedOutException>(() => session.GetAuthenticationFactorsAsync());
        await Assert.ThrowsAsync<WeavrSessionLoggedOutException>(() => session.StepUpAsync());
        await session.LogoutAsync();
        Assert.Equal(before, _host.RequestCount);
        Assert.Null(await _host.Sessions.FindAsync(UserKey));
    }

    [Fact]
    public async Task LogoutAsync_TokenAlreadyRefused_StillLoggedOut()
    {
        _host.Stub(Post("/logout"), Status(401));
        var session = await _host.SignInAsync();

        await session.LogoutAsync();

        Assert.Equal(WeavrSessionState.LoggedOut, session.State);
    }

    [Fact]
    public async Task LogoutAsync_Expired_LogsOutWithoutSending()
    {
        var session = await _host.SignInAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        var before = _host.RequestCount;

        await session.LogoutAsync();

        Assert.Equal(WeavrSessionState.LoggedOut, session.State);
        Assert.Equal(before, _host.RequestCount);
    }

    [Fact]
    public async Task SignInWithPasswordAsync_AfterExpiry_SignsInAgainOnTheSameSession()
    {
        var session = await _host.SignInAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(WeavrSessionState.Expired, session.State);

        var again = await _host.Sessions.SignInWithPasswordAsync(UserKey, Email, Password);

        Assert.Same(session, again);
        Assert.Equal(WeavrSessionState.Access, session.State);
        Assert.Equal(_host.Time.GetUtcNow() + TimeSpan.FromMinutes(5), session.ExpiresAt);
    }

    private static List<string> Record(IWeavrSession session)
    {
        var transitions = new List<string>();
        session.StateChanged += (_, e) =>
        {
            Assert.Equal(session.UserKey, e.UserKey);
            lock (transitions)
            {
                transitions.Add($"{e.PreviousState}>{e.State}");
            }
        };
        return transitions;
    }
}
