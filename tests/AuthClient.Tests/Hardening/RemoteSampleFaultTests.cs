using AuthClient.DependencyInjection;
using AuthClient.Primitives;
using AuthClient.Samples;
using AuthClient.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AuthClient.Tests.Hardening;

/// <summary>
/// The console sample's remote mode (<c>--base-url</c>) against a server that answers the whole webhook-free journey
/// correctly except for one fault on the login: every fault of the matrix ends with exit code 1 and one typed error line
/// (no stack trace, no secret), or, where the fault is survivable, with all seven steps done and exit code 0.
/// </summary>
public sealed class RemoteSampleFaultTests
{
    private const string Otp = "123456";

    public static TheoryData<string> Faults() => [.. FaultMatrix.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task RemoteJourney_FaultOnLogin_EndsTypedOrSucceeds(string faultName)
    {
        var fault = FaultMatrix.All.Single(f => f.Name == faultName);
        var login = EndpointKind.WeavrPost;
        var expected = fault.Expect(login);
        var logins = 0;
        await using var trap = new HostileServer(_ => Hardening.Faults.Status(200, "{}"));
        await using var server = new HostileServer(request =>
        {
            if (request.Path != login.Path)
            {
                return HappyWeavr(request);
            }

            // The warm-up of keep-alive faults is the journey's own first login; the fault hits the second.
            var n = Interlocked.Increment(ref logins);
            return fault.WarmUp
                ? n == 1 ? Hardening.Faults.Ok(login) : fault.Script(login, n - 1, trap.BaseUrl)
                : fault.Script(login, n, trap.BaseUrl);
        });
        var time = new TimerRecordingTimeProvider();
        var logs = new FakeLogCollector();
        var remote = new RemoteOptions
        {
            BaseUrl = new Uri(server.BaseUrl, "/multi"),
            ApiKey = new Secret(FaultMatrixTests.ApiKey),
            Email = EndpointKind.Email,
            Password = new Secret(EndpointKind.Password),
            Otp = new Secret(Otp),
        };
        var output = new StringWriter();

        var journey = Journey.RunAsync(output, "remote fault", async (journey, ct) =>
        {
            if (fault.WarmUp)
            {
                await RemoteJourney.RunAsync(remote, journey, Configure, ct); // a first, clean run on the same connections
            }

            await RemoteJourney.RunAsync(remote, journey, Configure, ct);
        });
        var exitCode = await DriveExitCodeAsync(journey, server, time);

        var text = output.ToString();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal); // no stack trace
        FaultMatrixTests.AssertNoSecret(text + string.Join('\n', logs.GetSnapshot().Select(r => r.Message + r.Exception)));
        Assert.DoesNotContain(Otp, text, StringComparison.Ordinal);
        Assert.Equal(0, trap.Connections);
        if (expected.Exception is null)
        {
            Assert.True(exitCode == 0, text);
            Assert.Contains("steps succeeded", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(exitCode == 1, text);
            Assert.Contains(fault.WarmUp ? "FAILED at step 8 (Password login)" : "FAILED at step 1 (Password login)", text, StringComparison.Ordinal);
            var typed = expected.ApiStatus is { } status ? $"status           {status} " : $"exception   {expected.Exception.Name}: ";
            Assert.Contains(typed, text, StringComparison.Ordinal);
        }

        void Configure(IServiceCollection services)
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddLogging(b => b.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
            services.PostConfigure<AuthClientOptions>(o =>
            {
                o.Resilience.UseJitter = false;
                o.Resilience.BaseDelay = TimeSpan.Zero;
                o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(10);
                o.Resilience.TotalTimeout = TimeSpan.FromSeconds(25);
            });
        }
    }

    private static async Task<int> DriveExitCodeAsync(Task<int> journey, HostileServer server, TimerRecordingTimeProvider time)
    {
        await FaultMatrixTests.DriveAsync(journey, server, time);
        return await journey;
    }

    /// <summary>A Weavr that answers the remote journey as documented: one identity, SMS active, OTP step-up, logout.</summary>
    private static Fault HappyWeavr(RecordedRequest request) => request.Path switch
    {
        "/multi/identities" => Hardening.Faults.Status(200, """{"identities":[{"id":{"type":"CONSUMER","id":"110000000101"},"name":"Jane"}],"count":1,"responseCount":1}"""),
        "/multi/access_token" => Hardening.Faults.Status(200, """{"token":"canary-access-token-7070","identity":{"type":"CONSUMER","id":"110000000101"},"credentials":{"type":"ROOT","id":"110000000102"},"status":"STANDARD"}"""),
        "/multi/authentication_factors" => Hardening.Faults.Status(200, """{"factors":[{"type":"OTP","channel":"SMS","status":"ACTIVE"}]}"""),
        _ => Hardening.Faults.Status(204),
    };
}
