using AuthClient.Primitives;

namespace AuthClient.Samples;

/// <summary>The command line: no arguments for the embedded mode, or the remote mode's connection and user.</summary>
internal sealed record SampleOptions
{
    public const string Usage = """
        Usage:
          dotnet run --project samples/AuthClient.Samples.Console
              Embedded mode: starts the Weavr + Transmit emulator and a webhook receiver on 127.0.0.1, then runs the
              whole journey (password login to logout, push and biometrics over signed webhooks, Transmit device keys).

          dotnet run --project samples/AuthClient.Samples.Console -- --base-url <url> --api-key <key> --email <email> --password <password> [--otp <code>]
              Remote mode: the webhook-free part of the journey against a Weavr environment (login, identities, access
              token, factors, SMS enrolment when SMS is not active, OTP step-up, logout).

          --base-url <url>      Weavr Multi base URL, e.g. https://sandbox.weavr.io/multi (http only for 127.0.0.1)
          --api-key <key>       Your api key
          --email <email>       The user's e-mail
          --password <password> The user's password
          --otp <code>          The SMS code to verify with (default 123456, as on Weavr's sandbox)
          --telemetry           At the end, print the spans and metrics the journey produced (names and counts)
          --help                Show this help

        Exit code: 0 when every step succeeded, 1 when a step failed, 2 for a bad command line.
        Secrets (api key, password, tokens, codes) are never printed.
        """;

    public bool Help { get; init; }

    /// <summary>Gets whether to print the spans and metrics the journey produced (<c>--telemetry</c>, either mode).</summary>
    public bool Telemetry { get; init; }

    /// <summary>Gets the remote mode's settings; <see langword="null"/> for the embedded mode.</summary>
    public RemoteOptions? Remote { get; init; }

    /// <summary>Parses the arguments; returns an error message instead of throwing.</summary>
    public static (SampleOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var help = false;
        var telemetry = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    help = true;
                    break;
                case "--telemetry":
                    telemetry = true;
                    break;
                case "--base-url" or "--api-key" or "--email" or "--password" or "--otp":
                    if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
                    {
                        return (null, $"{args[i]} needs a value.");
                    }

                    values[args[i]] = args[++i];
                    break;
                default:
                    return (null, $"Unknown option '{args[i]}'.");
            }
        }

        if (help || values.Count == 0)
        {
            return (new SampleOptions { Help = help, Telemetry = telemetry }, null);
        }

        string[] required = ["--base-url", "--api-key", "--email", "--password"];
        var missing = required.Where(name => !values.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            return (null, $"The remote mode needs {string.Join(", ", missing)} as well.");
        }

        if (!Uri.TryCreate(values["--base-url"], UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            return (null, "--base-url needs an absolute http(s) URL.");
        }

        var otp = values.GetValueOrDefault("--otp", DemoUsers.OtpCode);
        if (otp.Length != 6 || !otp.All(char.IsAsciiDigit))
        {
            return (null, "--otp needs exactly 6 digits.");
        }

        return (new SampleOptions
        {
            Telemetry = telemetry,
            Remote = new RemoteOptions
            {
                BaseUrl = baseUrl,
                ApiKey = new Secret(values["--api-key"]),
                Email = values["--email"],
                Password = new Secret(values["--password"]),
                Otp = new Secret(otp),
            },
        }, null);
    }
}
