using System.Security.Cryptography;
using AuthClient.Testing.Internal;

namespace AuthClient.Testing;

/// <summary>
/// Configures and starts a <see cref="WeavrSandbox"/>:
/// <code>
/// await using var sandbox = new SandboxBuilder()
///     .WithUser(u => u.Email("ada@example.com").WithSms())
///     .WithTimeProvider(fakeTime)
///     .Start();
/// </code>
/// </summary>
public sealed class SandboxBuilder
{
    private readonly List<SandboxUserBuilder> _users = [];
    private readonly List<KeyValuePair<string, string>> _transmitClients = [];
    private readonly SandboxRules _rules = new();
    private string _apiKey = "sbx_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
    private int _port;
    private TimeProvider _timeProvider = TimeProvider.System;
    private WebhookTarget? _webhookTarget;
    private bool _autoApprovePush;
    private int _requestLogLimit = 1000;

    /// <summary>Sets the api key every Weavr call must send (and the webhook signing key). Default: random per sandbox.</summary>
    /// <param name="apiKey">The key.</param>
    /// <returns>This builder.</returns>
    public SandboxBuilder WithApiKey(string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _apiKey = apiKey;
        return this;
    }

    /// <summary>Sets the port on 127.0.0.1. Default 0: a free port is chosen.</summary>
    /// <param name="port">0 to 65535.</param>
    /// <returns>This builder.</returns>
    public SandboxBuilder WithPort(int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        _port = port;
        return this;
    }

    /// <summary>Sets the clock for token, lockout, OTP and push expiry, webhook timestamps and injected delays.
    /// Pass the same <c>FakeTimeProvider</c> your client uses. Default <see cref="TimeProvider.System"/>.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>This builder.</returns>
    public SandboxBuilder WithTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        return this;
    }

    /// <summary>Sets where webhooks go: the event path (<c>/stepup/watch</c>, <c>/authentication_factors/watch</c>) is
    /// appended, e.g. <c>http://127.0.0.1:6000/webhooks</c> → <c>http://127.0.0.1:6000/webhooks/stepup/watch</c>.
    /// Default none: deliveries are only recorded in <see cref="WeavrSandbox.WebhookDeliveries"/>.</summary>
    /// <param name="webhookUrl">The base URL.</param>
    /// <returns>This builder.</returns>
    public SandboxBuilder WithWebhookUrl(Uri webhookUrl)
    {
        _webhookTarget = WebhookTarget.ForUrl(webhookUrl);
        return this;
    }

    /// <summary>Sends webhooks through your <see cref="HttpClient"/> instead of a socket, e.g. an in-memory app's
    /// <c>WebApplicationFactory.CreateClient()</c>: <c>WithWebhookClient(client, new Uri("/webhooks/weavr", UriKind.Relative))</c>
    /// posts to <c>/webhooks/weavr/stepup/watch</c> on the client's <c>BaseAddress</c>. The sandbox never disposes the
    /// client. Replaces <see cref="WithWebhookUrl"/>; can be changed later with <see cref="WeavrSandbox.DeliverWebhooksTo(HttpClient, Uri)"/>.</summary>
    /// <param name="client">The client that sends each webhook.</param>
    /// <param name="webhookUrl">The base URL the event paths are appended to: absolute, or relative to the client's <c>BaseAddress</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The URL is relative and the client has no <c>BaseAddress</c>.</exception>
    public SandboxBuilder WithWebhookClient(HttpClient client, Uri webhookUrl)
    {
        _webhookTarget = WebhookTarget.ForClient(client, webhookUrl);
        return this;
    }

    /// <summary>Sends webhooks through your <see cref="HttpMessageHandler"/> instead of a socket, e.g. an in-memory
    /// app's <c>TestServer.CreateHandler()</c>. The sandbox never disposes the handler. Replaces
    /// <see cref="WithWebhookUrl"/>; can be changed later with <see cref="WeavrSandbox.DeliverWebhooksTo(HttpMessageHandler, Uri)"/>.</summary>
    /// <param name="handler">The handler that sends each webhook.</param>
    /// <param name="webhookUrl">The absolute base URL the event paths are appended to, e.g. <c>http://localhost/webhooks/weavr</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The URL is relative.</exception>
    public SandboxBuilder WithWebhookHandler(HttpMessageHandler handler, Uri webhookUrl)
    {
        _webhookTarget = WebhookTarget.ForHandler(handler, webhookUrl);
        return this;
    }

    /// <summary>Adds a user.</summary>
    /// <param name="configure">Describes the user; <see cref="SandboxUserBuilder.Email"/> is required.</param>
    /// <returns>This builder.</returns>
    public SandboxBuilder WithUser(Action<SandboxUserBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var user = new SandboxUserBuilder();
        configure(user);
        _users.Add(user);
        return this;
    }

    /// <summary>Adds the demo users of <see cref="SandboxDemo"/> (SMS user, new user, expired password, biometric user, no mobile).</summary>
    /// <returns>This builder.</returns>
    public SandboxBuilder WithDemoUsers()
    {
        SandboxDemo.Seed(this);
        return this;
    }

    /// <summary>Adds a Transmit client that <c>/oidc/token</c> accepts. Default: one client, <c>sandbox-client</c> with a random secret.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <returns>This builder.</returns>
    public SandboxBuilder WithTransmitClient(string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        _transmitClients.Add(new KeyValuePair<string, string>(clientId, clientSecret));
        return this;
    }

    /// <summary>Changes limits and timings (attempt limits, lockout, expiries, OTP code, biometrics on/off).</summary>
    /// <param name="configure">Edits the rules.</param>
    /// <returns>This builder.</returns>
    public SandboxBuilder WithRules(Action<SandboxRules> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(_rules);
        return this;
    }

    /// <summary>Approves every push challenge (biometric login, push step-up, Authy enrolment) as soon as its answer has
    /// been sent. Default off; can be changed later with <see cref="WeavrSandbox.AutoApprovePush"/>.</summary>
    /// <param name="enabled">Whether to approve automatically.</param>
    /// <returns>This builder.</returns>
    public SandboxBuilder WithAutoApprovePush(bool enabled = true)
    {
        _autoApprovePush = enabled;
        return this;
    }

    /// <summary>Sets how many requests <see cref="WeavrSandbox.RequestLog"/> keeps (oldest dropped first). Default 1000; 0 keeps none.</summary>
    /// <param name="maxEntries">0 or more.</param>
    /// <returns>This builder.</returns>
    public SandboxBuilder WithRequestLogLimit(int maxEntries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxEntries);
        _requestLogLimit = maxEntries;
        return this;
    }

    /// <summary>Starts the sandbox on 127.0.0.1.</summary>
    /// <returns>The running sandbox; dispose it to stop.</returns>
    public WeavrSandbox Start()
    {
        var rules = _rules.Clone();
        rules.Validate();
        var users = _users.Select((u, i) => u.Build(i + 1)).ToList();
        var duplicate = users.GroupBy(u => u.Email, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two sandbox users have the e-mail '{duplicate.Key}'.");
        }

        var clients = _transmitClients.Count > 0
            ? _transmitClients
            : [new("sandbox-client", "sbx_secret_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant())];
        return new WeavrSandbox(_apiKey, _port, _timeProvider, _webhookTarget, rules, users, clients, _autoApprovePush, _requestLogLimit);
    }
}
