// The standalone AuthClient sandbox: the Weavr Multi and Transmit emulator of AuthClient.Testing as a local server,
// for trying the product, or testing code in any language, with no credentials.
//   dotnet run --project samples/AuthClient.Sandbox -- --port 5080
using System.Runtime.InteropServices;
using AuthClient.Sandbox;
using AuthClient.Testing;
using AuthClient.Weavr.Models;

// 1. Read the command line.
var (options, error) = ServerOptions.Parse(args);
if (options is null || options.Help)
{
    (error is null ? Console.Out : Console.Error).WriteLine(error is null ? ServerOptions.Usage : $"{error}\n\n{ServerOptions.Usage}");
    return error is null ? 0 : 2;
}

// 2. Start the sandbox with the demo users, on 127.0.0.1 only.
WeavrSandbox sandbox;
try
{
    sandbox = await WeavrSandbox.StartAsync(b =>
    {
        b.WithPort(options.Port)
            .WithApiKey(options.ApiKey)
            .WithDemoUsers()
            .WithTransmitClient(SandboxDemo.TransmitClientId, SandboxDemo.TransmitClientSecret)
            .WithAutoApprovePush(options.AutoApprove);
        if (options.WebhookUrl is not null)
        {
            b.WithWebhookUrl(options.WebhookUrl);
        }
    });
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

await using var running = sandbox;

// 3. Say how to use it. Everything printed is a demo credential that works against this sandbox only.
Console.WriteLine("AuthClient sandbox: Weavr Multi + Transmit mobile biometrics emulator (demo credentials, sandbox only)");
Console.WriteLine($"  Weavr base URL     {sandbox.WeavrBaseUrl}");
Console.WriteLine($"  Transmit base URL  {sandbox.TransmitBaseUrl}   token endpoint {sandbox.Transmit.TokenUrl}");
Console.WriteLine($"  api-key (demo)     {sandbox.ApiKey}");
Console.WriteLine($"  Transmit client    id {sandbox.Transmit.ClientId}, secret {sandbox.Transmit.ClientSecret} (demo)");
Console.WriteLine($"  OTP code           123456");
Console.WriteLine($"  Reset nonce        {new SandboxRules().LostPasswordNonce} (forgotten password: no e-mail is sent; /passwords/lost_password/start, then resume with it)");
Console.WriteLine($"  One-time tokens    single use, valid for {new SandboxRules().OneTimeTokenLifetime} (h:mm:ss) (WeavrSandbox.IssueOneTimeToken; exchanged at /access_token with the api key and \"token\")");
Console.WriteLine($"  Push challenges    {(options.AutoApprove ? "approved automatically" : "left pending (no approver: they expire after 5 minutes)")}");
Console.WriteLine($"  Webhooks           {(options.WebhookUrl is null ? "not sent (start with --webhook-url <url>)" : options.WebhookUrl + "{/stepup/watch,/authentication_factors/watch,/auth/users/user_deactivated/watch}, signed with the api key")}");
Console.WriteLine($"  Demo users         password {SandboxDemo.Password} for all");
foreach (var user in sandbox.Users)
{
    Console.WriteLine($"    {user.Email,-24} {Describe(user)}");
}

// The same values on one line for scripts (e.g. .ci/sample-e2e.sh): KEY=value pairs, separated by spaces.
Console.WriteLine(
    $"Sandbox env: WEAVR_BASE_URL={sandbox.WeavrBaseUrl} WEAVR_API_KEY={sandbox.ApiKey} " +
    $"TRANSMIT_BASE_URL={sandbox.TransmitBaseUrl} TRANSMIT_CLIENT_ID={sandbox.Transmit.ClientId} TRANSMIT_CLIENT_SECRET={sandbox.Transmit.ClientSecret} " +
    $"DEMO_PASSWORD={SandboxDemo.Password} DEMO_SMS_USER={SandboxDemo.SmsUser} DEMO_NEW_USER={SandboxDemo.NewUser} " +
    $"DEMO_BIOMETRIC_USER={SandboxDemo.BiometricUser} DEMO_EXPIRED_PASSWORD_USER={SandboxDemo.ExpiredPasswordUser}");
Console.WriteLine($"Sandbox listening on {sandbox.Url}");
Console.WriteLine("Press Ctrl+C to stop.");
Console.Out.Flush();

// 4. Run until Ctrl+C or SIGTERM.
var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.TrySetResult();
});
await stop.Task;
Console.WriteLine("Sandbox stopped.");
return 0;

static string Describe(SandboxUser user)
{
    var factors = new[] { ScaChannel.Sms, ScaChannel.Authy, ScaChannel.Biometric }
        .Where(c => user.GetFactorStatus(c) == ScaFactorStatus.Active)
        .Select(c => c.Value)
        .ToList();
    var traits = new List<string>
    {
        string.Join(", ", user.Identities.Select(i => $"{i.Id.Type} {i.Id.Id} \"{i.Name}\"")),
        factors.Count == 0 ? "no factors" : "factors " + string.Join("+", factors),
    };
    if (user.MobileNumber is null)
    {
        traits.Add("no mobile");
    }

    if (user.IsPasswordExpired)
    {
        traits.Add("password expired");
    }

    return string.Join("; ", traits);
}
