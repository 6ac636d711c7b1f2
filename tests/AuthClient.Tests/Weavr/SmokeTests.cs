using AuthClient.DependencyInjection;
using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AuthClient.Tests.Weavr;

public sealed class SmokeTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task Login_then_verify_with_retry()
    {
        _server.Given(Request.Create().WithPath("/multi/login_with_password").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("request-ref", "rr1")
                .WithBody("""{"token":"tok","tokenType":"AUTH","identity":{"type":"CONSUMER","id":"1"},"credentials":{"type":"ROOT","id":"2"}}"""));
        _server.Given(Request.Create().WithPath("/multi/stepup/challenges/otp/SMS/verify").UsingPost())
            .InScenario("v").WillSetStateTo("second")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath("/multi/stepup/challenges/otp/SMS/verify").UsingPost())
            .InScenario("v").WhenStateIs("second")
            .RespondWith(Response.Create().WithStatusCode(204).WithHeader("request-ref", "rr2"));
        _server.Given(Request.Create().WithPath("/multi/authentication_factors").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(403).WithBody("""{"errorCode":"STEP_UP_REQUIRED"}"""));

        var services = new ServiceCollection();
        services.AddAuthClient(o =>
        {
            o.Weavr.BaseUrl = new Uri(_server.Url + "/multi");
            o.Weavr.ApiKey = "key";
            o.Resilience.BaseDelay = TimeSpan.Zero;
        });
        using var sp = services.BuildServiceProvider();
        var client = sp.GetRequiredService<IWeavrAuthClient>();
        var login = await client.LoginWithPasswordAsync("a@b.co", "pw");
        Assert.Equal("tok", login.Value.Token.Reveal());
        Assert.Equal("rr1", login.RequestRef);
        var verify = await client.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", WeavrCallOptions.WithToken(login.Value.Token));
        Assert.Equal("rr2", verify.RequestRef);
        var ex = await Assert.ThrowsAsync<WeavrForbiddenException>(() => client.GetAuthenticationFactorsAsync(WeavrCallOptions.WithToken(new Secret("t"))));
        Assert.True(ex.IsStepUpRequired);
        var logs = _server.LogEntries.Where(e => e.RequestMessage!.Path.EndsWith("/verify")).ToList();
        Assert.Equal(2, logs.Count);
        Assert.Equal(logs[0].RequestMessage!.Headers!["idempotency-ref"], logs[1].RequestMessage!.Headers!["idempotency-ref"]);
        Assert.Equal("""{"verificationCode":"123456"}""", logs[1].RequestMessage!.Body);
    }
}
