using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AuthClient.Tests.Validation;

/// <summary>
/// Input Weavr would refuse is rejected before anything is sent: an <see cref="ArgumentException"/> naming the parameter,
/// and the WireMock server on 127.0.0.1 records no request at all.
/// </summary>
public sealed class WeavrInputGuardTests : IDisposable
{
    private static readonly WeavrCallOptions Token = WeavrCallOptions.WithToken(new Secret("guard-token"));
    private static readonly IdentityId Identity = new(IdentityType.Consumer, "42");

    private readonly WireMockServer _server = Loopback.StartServer();
    private readonly RetryingTestHost _harness;

    public WeavrInputGuardTests()
    {
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(204));
        _harness = RetryingTestHost.Create(_server.MultiUrl());
    }

    private IWeavrAuthClient Weavr => _harness.Weavr;

    public void Dispose()
    {
        _harness.Dispose();
        _server.Stop();
    }

    public static TheoryData<string?> BadEmails => new() { null, "", "   ", "ada", "ada@", "@example.com", "ada@example", "ada @example.com", "ada@exa mple.com", "ada@@example.com", "ada@example.com\n", new string('a', 250) + "@x.io" };

    public static TheoryData<string?> BadPasswords => new() { null, "", new string('p', 101) };

    public static TheoryData<string?> BadCodes => new() { null, "", "12345", "1234567", "abcdef", "12345a", "123 456", " 123456", "123456\n", "١٢٣٤٥٦" };

    [Theory]
    [MemberData(nameof(BadEmails))]
    public Task LoginWithPassword_BadEmail_ThrowsNamingEmailAndSendsNothing(string? email) =>
        AssertRejected("email", () => Weavr.LoginWithPasswordAsync(email!, "Passw0rd!"));

    [Theory]
    [MemberData(nameof(BadEmails))]
    public Task LoginViaBiometrics_BadEmail_ThrowsNamingEmailAndSendsNothing(string? email) =>
        AssertRejected("email", () => Weavr.LoginViaBiometricsAsync(email!));

    [Theory]
    [MemberData(nameof(BadPasswords))]
    public Task LoginWithPassword_BadPassword_ThrowsNamingPasswordAndSendsNothing(string? password) =>
        AssertRejected("password", () => Weavr.LoginWithPasswordAsync("ada@example.com", password!));

    [Theory]
    [MemberData(nameof(BadPasswords))]
    public async Task UpdatePassword_BadOldOrNewPassword_ThrowsNamingItAndSendsNothing(string? password)
    {
        await AssertRejected("oldPassword", () => Weavr.UpdatePasswordAsync(password!, "N3wPassw0rd!", Token));
        await AssertRejected("newPassword", () => Weavr.UpdatePasswordAsync("Passw0rd!", password!, Token));
    }

    [Theory]
    [MemberData(nameof(BadPasswords))]
    public Task ValidatePassword_BadPassword_ThrowsNamingPasswordAndSendsNothing(string? password) =>
        AssertRejected("password", () => Weavr.ValidatePasswordAsync(password!));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    public Task ResumeLostPassword_BadNonce_ThrowsNamingNonceAndSendsNothing(string? nonce) =>
        AssertRejected("nonce", () => Weavr.ResumeLostPasswordAsync("ada@example.com", nonce!, "N3wPassw0rd!"));

    [Fact]
    public async Task LostPassword_BadEmailOrPassword_ThrowsNamingItAndSendsNothing()
    {
        await AssertRejected("email", () => Weavr.StartLostPasswordAsync("not-an-email"));
        await AssertRejected("email", () => Weavr.ResumeLostPasswordAsync("not-an-email", "123456", "N3wPassw0rd!"));
        await AssertRejected("newPassword", () => Weavr.ResumeLostPasswordAsync("ada@example.com", "123456", new string('x', 101)));
    }

    [Fact]
    public async Task LoginWithPassword_PasswordOfExactly100Characters_IsSent()
    {
        _server.Given(Request.Create().WithPath("/multi/login_with_password").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"token":"t","tokenType":"AUTH"}"""));

        await Weavr.LoginWithPasswordAsync("ada@example.com", new string('p', 100));

        Assert.Single(_server.LogEntries);
    }

    [Theory]
    [MemberData(nameof(BadCodes))]
    public async Task VerifyOtp_CodeNotExactlySixDigits_ThrowsNamingVerificationCodeAndSendsNothing(string? code)
    {
        await AssertRejected("verificationCode", () => Weavr.VerifyOtpStepUpAsync(ScaChannel.Sms, code!, Token));
        await AssertRejected("verificationCode", () => Weavr.VerifyOtpEnrolmentAsync(ScaChannel.Sms, code!, Token));
    }

    [Fact]
    public async Task VerifyOtp_SixDigits_IsSent()
    {
        await Weavr.VerifyOtpStepUpAsync(ScaChannel.Sms, "012345", Token);

        Assert.Equal("""{"verificationCode":"012345"}""", Assert.Single(_server.LogEntries).RequestMessage!.Body);
    }

    public static TheoryData<string, string> RefusedChannels => new()
    {
        { "EnrolPush", "BIOMETRIC" }, { "EnrolPush", "SMS" }, { "EnrolPush", "EMAIL" }, { "EnrolPush", "" },
        { "EnrolOtp", "AUTHY" }, { "EnrolOtp", "BIOMETRIC" }, { "EnrolOtp", "sms" },
        { "VerifyOtpEnrolment", "AUTHY" },
        { "StartOtpStepUp", "AUTHY" }, { "StartOtpStepUp", "BIOMETRIC" }, { "StartOtpStepUp", "EMAIL" },
        { "VerifyOtpStepUp", "AUTHY" },
        { "StartPushStepUp", "SMS" }, { "StartPushStepUp", "EMAIL" },
        { "UnlinkPush", "SMS" }, { "UnlinkPush", "" },
    };

    [Theory]
    [MemberData(nameof(RefusedChannels))]
    public Task ChannelOperation_ChannelTheEndpointRefuses_ThrowsNamingChannelAndSendsNothing(string operation, string channel) =>
        AssertRejected("channel", () => CallWithChannel(operation, new ScaChannel(channel)));

    [Fact]
    public Task ChannelOperation_DefaultChannel_ThrowsNamingChannelAndSendsNothing() =>
        AssertRejected("channel", () => CallWithChannel("StartOtpStepUp", default));

    [Theory]
    [InlineData("EnrolPush", "AUTHY")]
    [InlineData("EnrolOtp", "SMS")]
    [InlineData("StartOtpStepUp", "SMS")]
    [InlineData("UnlinkPush", "AUTHY")]
    [InlineData("UnlinkPush", "BIOMETRIC")]
    public async Task ChannelOperation_AcceptedChannel_IsSent(string operation, string channel)
    {
        await CallWithChannel(operation, new ScaChannel(channel));

        Assert.EndsWith("/" + channel, Assert.Single(_server.LogEntries).RequestMessage!.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("-1")]
    [InlineData("4 2")]
    [InlineData("42\n")]
    public async Task IdentityOperations_NonNumericIdentityId_ThrowNamingIdentityAndSendNothing(string id)
    {
        await AssertRejected("identity", () => Weavr.RequestAccessTokenAsync(new IdentityId(IdentityType.Corporate, id), Token));
        await AssertRejected("identity", () => Weavr.LoginViaBiometricsAsync("ada@example.com", new IdentityId(IdentityType.Consumer, id)));
    }

    [Fact]
    public async Task RequestAccessToken_NullIdentityOrMissingType_ThrowsNamingIdentityAndSendsNothing()
    {
        await AssertRejected("identity", () => Weavr.RequestAccessTokenAsync(null!, Token));
        await AssertRejected("identity", () => Weavr.RequestAccessTokenAsync(new IdentityId(default, "42"), Token));
    }

    [Theory]
    [InlineData(-1, null, "offset")]
    [InlineData(int.MinValue, 10, "offset")]
    [InlineData(null, 0, "limit")]
    [InlineData(null, 101, "limit")]
    [InlineData(0, -5, "limit")]
    public Task GetIdentities_PagingOutOfRange_ThrowsNamingTheParameterAndSendsNothing(int? offset, int? limit, string parameter) =>
        AssertRejected(parameter, () => Weavr.GetIdentitiesAsync(offset, limit, Token));

    [Theory]
    [InlineData(0, 1, "offset=0&limit=1")]
    [InlineData(5, 100, "offset=5&limit=100")]
    public async Task GetIdentities_PagingAtBounds_IsSent(int offset, int limit, string query)
    {
        _server.Given(Request.Create().WithPath("/multi/identities").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"identities":[],"count":0,"responseCount":0}"""));

        await Weavr.GetIdentitiesAsync(offset, limit, Token);

        Assert.EndsWith("?" + query, Assert.Single(_server.LogEntries).RequestMessage!.Url, StringComparison.Ordinal);
    }

    public static TheoryData<string> SecuredOperations => new()
    {
        "GetAuthenticationFactors", "EnrolOtp", "VerifyOtpEnrolment", "EnrolPush", "UnlinkPush", "StartOtpStepUp", "VerifyOtpStepUp",
        "StartPushStepUp", "Logout", "UpdatePassword",
    };

    [Theory]
    [MemberData(nameof(SecuredOperations))]
    public async Task SecuredOperation_NoTokenAndNoTokenSource_ThrowsAuthClientExceptionAndSendsNothing(string operation)
    {
        var ex = await Assert.ThrowsAsync<AuthClientException>(() => CallWithoutToken(operation));

        Assert.Contains("needs a bearer token", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_server.LogEntries);
        Assert.Equal(0, _harness.Attempts.Count);
    }

    [Fact]
    public async Task GetIdentities_NoToken_IsSentWithTheApiKeyAlone()
    {
        _server.Given(Request.Create().WithPath("/multi/identities").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"identities":[],"count":0,"responseCount":0}"""));

        await Weavr.GetIdentitiesAsync();

        var headers = Assert.Single(_server.LogEntries).RequestMessage!.Headers!;
        Assert.False(headers.ContainsKey("Authorization"));
        Assert.Equal([RetryingTestHost.ApiKey], headers["api-key"]);
    }

    private Task CallWithChannel(string operation, ScaChannel channel) => operation switch
    {
        "EnrolPush" => Weavr.EnrolPushAsync(channel, Token),
        "EnrolOtp" => Weavr.EnrolOtpAsync(channel, Token),
        "VerifyOtpEnrolment" => Weavr.VerifyOtpEnrolmentAsync(channel, "123456", Token),
        "StartOtpStepUp" => Weavr.StartOtpStepUpAsync(channel, Token),
        "VerifyOtpStepUp" => Weavr.VerifyOtpStepUpAsync(channel, "123456", Token),
        "StartPushStepUp" => Weavr.StartPushStepUpAsync(channel, Token),
        "UnlinkPush" => Weavr.UnlinkPushAsync(channel, Token),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private Task CallWithoutToken(string operation) => operation switch
    {
        "GetAuthenticationFactors" => Weavr.GetAuthenticationFactorsAsync(),
        "EnrolOtp" => Weavr.EnrolOtpAsync(ScaChannel.Sms),
        "VerifyOtpEnrolment" => Weavr.VerifyOtpEnrolmentAsync(ScaChannel.Sms, "123456"),
        "EnrolPush" => Weavr.EnrolPushAsync(ScaChannel.Authy),
        "UnlinkPush" => Weavr.UnlinkPushAsync(ScaChannel.Biometric),
        "StartOtpStepUp" => Weavr.StartOtpStepUpAsync(ScaChannel.Sms),
        "VerifyOtpStepUp" => Weavr.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456"),
        "StartPushStepUp" => Weavr.StartPushStepUpAsync(ScaChannel.Authy),
        "Logout" => Weavr.LogoutAsync(),
        "UpdatePassword" => Weavr.UpdatePasswordAsync("Passw0rd!", "N3wPassw0rd!"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private async Task AssertRejected(string parameter, Func<Task> call)
    {
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(call);

        Assert.Equal(parameter, ex.ParamName);
        Assert.Empty(_server.LogEntries);
        Assert.Equal(0, _harness.Attempts.Count);
    }
}
