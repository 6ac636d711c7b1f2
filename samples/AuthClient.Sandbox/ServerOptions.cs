using System.Globalization;

namespace AuthClient.Sandbox;

/// <summary>The command line of the standalone sandbox.</summary>
internal sealed record ServerOptions
{
    public const string Usage = """
        Usage: dotnet run --project samples/AuthClient.Sandbox -- [options]

          --port <n>            Port on 127.0.0.1 (default 5080; 0 picks a free port)
          --webhook-url <url>   Where to POST webhooks (event paths are appended), e.g. http://127.0.0.1:6000/webhooks
          --api-key <key>       The api key to require (default: the demo key)
          --no-auto-approve     Leave push challenges pending instead of approving them at once
          --help                Show this help
        """;

    public int Port { get; init; } = 5080;

    public Uri? WebhookUrl { get; init; }

    public string ApiKey { get; init; } = Testing.SandboxDemo.ApiKey;

    public bool AutoApprove { get; init; } = true;

    public bool Help { get; init; }

    /// <summary>Parses the arguments; returns an error message instead of throwing.</summary>
    public static (ServerOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new ServerOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--port":
                    if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
                    {
                        return (null, "--port needs a number between 0 and 65535.");
                    }

                    options = options with { Port = port };
                    break;
                case "--webhook-url":
                    if (!Uri.TryCreate(Value(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                    {
                        return (null, "--webhook-url needs an absolute http(s) URL.");
                    }

                    options = options with { WebhookUrl = url };
                    break;
                case "--api-key":
                    var key = Value();
                    if (string.IsNullOrWhiteSpace(key))
                    {
                        return (null, "--api-key needs a value.");
                    }

                    options = options with { ApiKey = key };
                    break;
                case "--no-auto-approve":
                    options = options with { AutoApprove = false };
                    break;
                case "--help" or "-h":
                    options = options with { Help = true };
                    break;
                default:
                    return (null, $"Unknown option '{args[i]}'.");
            }
        }

        return (options, null);
    }
}
