using System.Diagnostics;
using AuthClient.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AuthClient.Tests.Samples;

/// <summary>The Native AOT sample's published binary, run against WireMock on 127.0.0.1.</summary>
public sealed class AotSampleTests : IDisposable
{
    private const string ApiKey = "APIKEY-aot-3k9d";
    private const string Password = "PASSWORD-aot-7h2j!";
    private const string Token = "TOKEN-aot-5m1x";

    private readonly WireMockServer _server = Loopback.StartServer();

    public void Dispose() => _server.Stop();

    [AotSampleFact]
    public async Task NativeBinary_LoginAndIdentities_PrintsThemAndExitsZeroWithoutSecrets()
    {
        _server.Given(Request.Create().WithPath("/multi/login_with_password").UsingPost().WithHeader("api-key", ApiKey))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("request-ref", "rr-aot-login")
                .WithBody($$$"""{"token":"{{{Token}}}","tokenType":"AUTH","identity":{"type":"CONSUMER","id":"42"},"credentials":{"type":"ROOT","id":"7"}}"""));
        _server.Given(Request.Create().WithPath("/multi/identities").UsingGet().WithHeader("Authorization", $"Bearer {Token}"))
            .RespondWith(Response.Create().WithStatusCode(200)
                .WithBody("""{"identities":[{"id":{"type":"CONSUMER","id":"42"},"name":"Ada Lovelace"},{"id":{"type":"CORPORATE","id":"43"},"name":"Analytical Engines Ltd"}],"count":2,"responseCount":2}"""));

        var run = await RunAsync(["--base-url", _server.Url + "/multi", "--email", "ada@example.com", "--verbose"], ("WEAVR_API_KEY", ApiKey), ("WEAVR_PASSWORD", Password));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Logged in: AUTH token for CONSUMER 42 (request-ref rr-aot-login)", run.Output, StringComparison.Ordinal);
        Assert.Contains("CORPORATE 43  Analytical Engines Ltd", run.Output, StringComparison.Ordinal);
        Assert.Contains(_server.LogEntries, e => e.RequestMessage!.Body!.Contains(Password, StringComparison.Ordinal));
        AssertNoSecret(run.Output);
    }

    [AotSampleFact]
    public async Task NativeBinary_LoginRejected_ExitsOneWithStatusAndNoSecrets()
    {
        _server.Given(Request.Create().WithPath("/multi/login_with_password").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(403).WithHeader("request-ref", "rr-aot-403"));

        var run = await RunAsync(["--base-url", _server.Url + "/multi", "--api-key", ApiKey, "--email", "ada@example.com", "--password", Password]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("403", run.Output, StringComparison.Ordinal);
        Assert.Contains("rr-aot-403", run.Output, StringComparison.Ordinal);
        AssertNoSecret(run.Output);
    }

    [AotSampleFact]
    public async Task NativeBinary_PlainHttpToARemoteHost_ExitsTwoWithTheValidationMessage()
    {
        var run = await RunAsync(["--base-url", "http://sandbox.weavr.io/multi", "--api-key", ApiKey, "--email", "ada@example.com", "--password", Password]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Weavr.BaseUrl must use https", run.Output, StringComparison.Ordinal);
        Assert.Empty(_server.LogEntries);
        AssertNoSecret(run.Output);
    }

    [AotSampleFact]
    public async Task NativeBinary_Help_PrintsUsageAndExitsZero()
    {
        var run = await RunAsync(["--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Usage: authclient-aot", run.Output, StringComparison.Ordinal);
    }

    private static void AssertNoSecret(string output)
    {
        Assert.DoesNotContain(ApiKey, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable(AotSampleFactAttribute.BinaryVariable)!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        args.ToList().ForEach(start.ArgumentList.Add);
        start.Environment.Remove("WEAVR_API_KEY");
        start.Environment.Remove("WEAVR_PASSWORD");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1)); // Only stops a hung binary.
        var stdout = process.StandardOutput.ReadToEndAsync(guard.Token);
        var stderr = process.StandardError.ReadToEndAsync(guard.Token);
        await process.WaitForExitAsync(guard.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
