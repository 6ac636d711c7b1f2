using AuthClient.Weavr;

namespace AuthClient.Samples.Aot;

/// <summary>The sample's few options, parsed by hand (no reflection-based parser under AOT).</summary>
internal sealed class CommandLine
{
    public const string Usage = """
        Usage: authclient-aot --email <email> [--password <password>] [--api-key <key>]
                              [--base-url <url> | --environment sandbox|production|mock] [--verbose]

          --base-url      Weavr Multi base URL (https, or http on loopback). Default: the sandbox.
          --environment   A named Weavr environment instead of --base-url.
          --api-key       Your Weavr api key. Default: the WEAVR_API_KEY environment variable.
          --email         The user's e-mail address.
          --password      The user's password. Default: the WEAVR_PASSWORD environment variable.
          --verbose       Log each call (status, request-ref, attempts; never secrets).
          --help          Show this text.

        Logs in, then lists the identities the user can access.
        Exit codes: 0 success, 1 API or network failure, 2 bad usage or configuration, 3 password expired.
        """;

    public bool ShowHelp { get; private set; }

    public bool Verbose { get; private set; }

    public string? BaseUrl { get; private set; }

    public string? Environment { get; private set; }

    public string? ApiKey { get; private set; }

    public string? Email { get; private set; }

    public string? Password { get; private set; }

    public static bool TryParse(string[] args, out CommandLine settings, out string? error)
    {
        settings = new CommandLine
        {
            ApiKey = System.Environment.GetEnvironmentVariable("WEAVR_API_KEY"),
            Password = System.Environment.GetEnvironmentVariable("WEAVR_PASSWORD"),
        };
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h" or "-?")
            {
                settings.ShowHelp = true;
                return true;
            }

            if (name == "--verbose")
            {
                settings.Verbose = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error = $"Missing value for {name}.";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--base-url": settings.BaseUrl = value; break;
                case "--environment": settings.Environment = value; break;
                case "--api-key": settings.ApiKey = value; break;
                case "--email": settings.Email = value; break;
                case "--password": settings.Password = value; break;
                default:
                    error = $"Unknown option {name}.";
                    return false;
            }
        }

        error = settings switch
        {
            { Email: null or "" } => "--email is required.",
            { Password: null or "" } => "--password (or WEAVR_PASSWORD) is required.",
            { ApiKey: null or "" } => "--api-key (or WEAVR_API_KEY) is required.",
            { BaseUrl: not null, Environment: not null } => "Use --base-url or --environment, not both.",
            { Environment: { } env } when !Enum.TryParse<WeavrEnvironment>(env, ignoreCase: true, out _) =>
                $"--environment must be one of {string.Join(", ", Enum.GetNames<WeavrEnvironment>())}.",
            { BaseUrl: { } url } when !Uri.TryCreate(url, UriKind.Absolute, out _) => $"--base-url is not an absolute URL: {url}",
            _ => null,
        };
        return error is null;
    }

    /// <summary>The options as configuration keys, bound by <c>AddAuthClient(IConfiguration)</c>.</summary>
    public Dictionary<string, string?> ToConfiguration()
    {
        var values = new Dictionary<string, string?> { ["Weavr:ApiKey"] = ApiKey };
        if (BaseUrl is not null)
        {
            values["Weavr:BaseUrl"] = BaseUrl;
        }

        if (Environment is not null)
        {
            values["Weavr:Environment"] = Environment;
        }

        return values;
    }
}
