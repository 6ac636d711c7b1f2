using AuthClient.DependencyInjection;
using AuthClient.Primitives;
using AuthClient.Testing.Faults;
using AuthClient.Testing.Internal;
using AuthClient.Testing.Transmit;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing;

/// <summary>
/// A stateful, in-process emulator of the Weavr Multi authentication API and the Transmit mobile-biometrics backend,
/// served over real HTTP on 127.0.0.1. It behaves like the vendors' sandboxes: OTP <c>123456</c>, lockouts, sliding
/// token expiry, step-up, push approval by the test, signed webhooks, injected faults.
/// <code>
/// await using var sandbox = await WeavrSandbox.StartAsync(b => b.WithUser(u => u.Email("ada@example.com").WithSms()));
/// services.AddAuthClient(sandbox.ConfigureAuthClient);
/// </code>
/// </summary>
public sealed class WeavrSandbox : IAsyncDisposable, IDisposable
{
    private readonly SandboxEngine _engine;
    private readonly WireMockHost _host;
    private readonly WebhookDispatcher _webhooks;
    private int _disposed;

    internal WeavrSandbox(
        string apiKey,
        int port,
        TimeProvider timeProvider,
        WebhookTarget? webhookTarget,
        SandboxRules rules,
        IReadOnlyList<UserSpec> users,
        IReadOnlyList<KeyValuePair<string, string>> transmitClients,
        bool autoApprovePush,
        int requestLogLimit)
    {
        TimeProvider = timeProvider;
        _webhooks = new WebhookDispatcher(apiKey, webhookTarget);
        var transmit = new TransmitEngine(rules, timeProvider, transmitClients);
        _engine = new SandboxEngine(apiKey, rules, timeProvider, users, _webhooks, transmit) { AutoApprovePush = autoApprovePush };
        try
        {
            _host = new WireMockHost(_engine, port, requestLogLimit);
        }
        catch
        {
            _engine.Dispose();
            _webhooks.Dispose();
            throw;
        }

        Url = _host.Url;
        Transmit = new SandboxTransmit(transmit, Url, transmitClients[0].Key, transmitClients[0].Value);
    }

    /// <summary>Gets the server root, e.g. <c>http://127.0.0.1:5080</c>.</summary>
    public string Url { get; }

    /// <summary>Gets the port on 127.0.0.1.</summary>
    public int Port => _host.Port;

    /// <summary>Gets the Weavr Multi base URL, e.g. <c>http://127.0.0.1:5080/multi</c> (for <c>WeavrOptions.BaseUrl</c>).</summary>
    public string WeavrBaseUrl => Url + "/multi";

    /// <summary>Gets the Transmit API base URL, e.g. <c>http://127.0.0.1:5080/cis</c> (the token endpoint is <c>/oidc/token</c> at the root).</summary>
    public string TransmitBaseUrl => Transmit.BaseUrl;

    /// <summary>Gets the api key Weavr calls must send; webhooks are signed with it.</summary>
    public string ApiKey => _engine.ApiKey;

    /// <summary>Gets the sandbox's clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the Transmit side: its client credentials and user-token minting.</summary>
    public SandboxTransmit Transmit { get; }

    /// <summary>Gets the fault injector: <c>sandbox.Faults.Next(2).RespondWith(503)</c>.</summary>
    public SandboxFaults Faults => _engine.Faults;

    /// <summary>Gets the users, with a live view of their state.</summary>
    public IReadOnlyList<SandboxUser> Users => _engine.Users;

    /// <summary>Gets or sets a value indicating whether every push challenge is approved as soon as its answer has been sent.</summary>
    public bool AutoApprovePush
    {
        get => _engine.AutoApprovePush;
        set => _engine.AutoApprovePush = value;
    }

    /// <summary>Gets or sets the webhook base URL (event paths are appended); <see langword="null"/> records deliveries
    /// without sending. Setting it sends over a real socket (replacing a client or handler given to <c>DeliverWebhooksTo</c>).</summary>
    public Uri? WebhookUrl
    {
        get => _webhooks.WebhookUrl;
        set => _webhooks.WebhookUrl = value;
    }

    /// <summary>From now on sends webhooks through your <see cref="HttpClient"/>, e.g. the one of an app under
    /// <c>WebApplicationFactory</c> started after the sandbox: <c>sandbox.DeliverWebhooksTo(factory.CreateClient(),
    /// new Uri("/webhooks/weavr", UriKind.Relative))</c>. The sandbox never disposes the client.</summary>
    /// <param name="client">The client that sends each webhook.</param>
    /// <param name="webhookUrl">The base URL the event paths are appended to: absolute, or relative to the client's <c>BaseAddress</c>.</param>
    /// <exception cref="ArgumentException">The URL is relative and the client has no <c>BaseAddress</c>.</exception>
    public void DeliverWebhooksTo(HttpClient client, Uri webhookUrl) => _webhooks.Target = WebhookTarget.ForClient(client, webhookUrl);

    /// <summary>From now on sends webhooks through your <see cref="HttpMessageHandler"/>, e.g. <c>TestServer.CreateHandler()</c>.
    /// The sandbox never disposes the handler.</summary>
    /// <param name="handler">The handler that sends each webhook.</param>
    /// <param name="webhookUrl">The absolute base URL the event paths are appended to, e.g. <c>http://localhost/webhooks/weavr</c>.</param>
    /// <exception cref="ArgumentException">The URL is relative.</exception>
    public void DeliverWebhooksTo(HttpMessageHandler handler, Uri webhookUrl) => _webhooks.Target = WebhookTarget.ForHandler(handler, webhookUrl);

    /// <summary>Gets the push challenges waiting for an answer, oldest first.</summary>
    public IReadOnlyList<SandboxChallenge> PendingChallenges => _engine.PendingChallenges;

    /// <summary>Gets the requests received (up to the configured limit), oldest first.</summary>
    public IReadOnlyList<SandboxRequestLogEntry> RequestLog => _host.RequestLog;

    /// <summary>Gets every webhook sent (or recorded without a webhook URL), oldest first.</summary>
    public IReadOnlyList<SandboxWebhookDelivery> WebhookDeliveries => _webhooks.Deliveries;

    /// <summary>Starts a sandbox.</summary>
    /// <param name="configure">Configures it; <see langword="null"/> for an empty sandbox with defaults.</param>
    /// <param name="cancellationToken">Cancels waiting for the start.</param>
    /// <returns>The running sandbox; dispose it to stop.</returns>
    public static Task<WeavrSandbox> StartAsync(Action<SandboxBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = new SandboxBuilder();
        configure?.Invoke(builder);
        return Task.Run(builder.Start, cancellationToken);
    }

    /// <summary>Returns a user.</summary>
    /// <param name="email">The e-mail (case-insensitive).</param>
    /// <returns>The user.</returns>
    /// <exception cref="ArgumentException">No user has that e-mail.</exception>
    public SandboxUser GetUser(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return _engine.GetUser(email);
    }

    /// <summary>Adds a user to the running sandbox.</summary>
    /// <param name="configure">Describes the user.</param>
    /// <returns>The user.</returns>
    public SandboxUser AddUser(Action<SandboxUserBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new SandboxUserBuilder();
        configure(builder);
        return _engine.AddUser(builder.Build(Users.Count + 1));
    }

    /// <summary>Sets or removes a user's factor directly (e.g. a biometric enrolment done in the mobile SDK).</summary>
    /// <param name="email">The user's e-mail.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="status">The status, or <see langword="null"/> to remove the factor.</param>
    public void SetFactor(string email, ScaChannel channel, ScaFactorStatus? status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        _engine.SetFactor(email, channel, status);
    }

    /// <summary>Waits until the user has a pending push challenge (returns at once if one is pending) and returns the oldest.</summary>
    /// <param name="email">The user's e-mail.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The challenge.</returns>
    public Task<SandboxChallenge> WaitForPendingChallengeAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return _engine.WaitForPendingChallengeAsync(email, cancellationToken);
    }

    /// <summary>The simulated user approves: a push step-up steps the token up, a biometric login mints an AUTH token,
    /// an enrolment activates the factor; then the signed webhook is POSTed.</summary>
    /// <param name="challengeId">The challenge id.</param>
    /// <param name="cancellationToken">Cancels the webhook POST.</param>
    /// <returns>The webhook delivery, once the receiver answered.</returns>
    /// <exception cref="ArgumentException">Unknown challenge.</exception>
    /// <exception cref="InvalidOperationException">The challenge was already answered.</exception>
    public Task<SandboxWebhookDelivery> ApproveAsync(string challengeId, CancellationToken cancellationToken = default) =>
        CompleteAsync(challengeId, SandboxChallengeOutcome.Approved, cancellationToken);

    /// <summary>The simulated user declines: webhook status <c>DECLINED</c> (enrolment: factor <c>INACTIVE</c>).</summary>
    /// <param name="challengeId">The challenge id.</param>
    /// <param name="cancellationToken">Cancels the webhook POST.</param>
    /// <returns>The webhook delivery.</returns>
    public Task<SandboxWebhookDelivery> DeclineAsync(string challengeId, CancellationToken cancellationToken = default) =>
        CompleteAsync(challengeId, SandboxChallengeOutcome.Declined, cancellationToken);

    /// <summary>The challenge times out: webhook status <c>EXPIRED</c> (enrolment: factor <c>INACTIVE</c>).</summary>
    /// <param name="challengeId">The challenge id.</param>
    /// <param name="cancellationToken">Cancels the webhook POST.</param>
    /// <returns>The webhook delivery.</returns>
    public Task<SandboxWebhookDelivery> ExpireAsync(string challengeId, CancellationToken cancellationToken = default) =>
        CompleteAsync(challengeId, SandboxChallengeOutcome.Expired, cancellationToken);

    /// <summary>
    /// Issues a one-time token for a user's identity, as Weavr does for its one-time-token flows: exchange it once at
    /// <c>POST /access_token</c> (api key, <c>token</c>, no AUTH token) within <see cref="SandboxRules.OneTimeTokenLifetime"/>
    /// (default 2 minutes, on the sandbox's clock). A second use, a late use or another identity answers 401.
    /// </summary>
    /// <param name="email">The user's e-mail.</param>
    /// <param name="identity">The identity; <see langword="null"/> for the user's first.</param>
    /// <returns>The token (a secret).</returns>
    /// <exception cref="ArgumentException">No such user, or the user has no such identity.</exception>
    public Secret IssueOneTimeToken(string email, IdentityId? identity = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return _engine.IssueOneTimeToken(email, identity);
    }

    /// <summary>
    /// Registers a delegated API client acting for a user's identity and returns its client assertion: Weavr's is
    /// generated with the client's certificate; the sandbox's is random. <c>POST /access_token</c> with it (api key,
    /// <c>clientAssertion</c>, no AUTH token) answers an ACCESS token every time; any other assertion, or another
    /// identity, answers 401.
    /// </summary>
    /// <param name="email">The user's e-mail.</param>
    /// <param name="identity">The identity; <see langword="null"/> for the user's first.</param>
    /// <returns>The assertion (a secret).</returns>
    /// <exception cref="ArgumentException">No such user, or the user has no such identity.</exception>
    public Secret RegisterClientAssertion(string email, IdentityId? identity = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return _engine.RegisterClientAssertion(email, identity);
    }

    /// <summary>
    /// Deactivates a user as a Weavr administrator would: every token of the user is revoked (401), logins answer 403,
    /// one-time tokens and client assertions 401; then the signed <c>/auth/users/user_deactivated/watch</c> webhook
    /// (<c>actionDoneBy</c> <c>ADMIN</c>) is POSTed.
    /// </summary>
    /// <param name="email">The user's e-mail.</param>
    /// <param name="reasonCode">The <c>reasonCode</c> sent, e.g. <c>ACCOUNT_SECURITY</c>.</param>
    /// <param name="cancellationToken">Cancels the webhook POST.</param>
    /// <returns>The webhook delivery, once the receiver answered.</returns>
    /// <exception cref="ArgumentException">No such user.</exception>
    public Task<SandboxWebhookDelivery> DeactivateUserAsync(string email, string reasonCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(reasonCode);
        return _engine.DeactivateUserAsync(email, reasonCode, cancellationToken);
    }

    /// <summary>Empties <see cref="RequestLog"/>.</summary>
    public void ClearRequestLog() => _host.ClearRequestLog();

    /// <summary>Points AuthClient at this sandbox: <c>services.AddAuthClient(sandbox.ConfigureAuthClient)</c>.
    /// Sets the Weavr base URL and api key, and the Transmit base URL and client credentials.</summary>
    /// <param name="options">The options to edit.</param>
    public void ConfigureAuthClient(AuthClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Weavr.BaseUrl = new Uri(WeavrBaseUrl);
        options.Weavr.ApiKey = ApiKey;
        options.Transmit.BaseUrl = new Uri(TransmitBaseUrl);
        options.Transmit.ClientId = Transmit.ClientId;
        options.Transmit.ClientSecret = Transmit.ClientSecret;
    }

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _host.Dispose();
        _engine.Dispose();
        _webhooks.Dispose();
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Returns the URL, never the api key.</summary>
    /// <returns>A description.</returns>
    public override string ToString() => $"WeavrSandbox {{ Url = {Url} }}";

    private Task<SandboxWebhookDelivery> CompleteAsync(string challengeId, SandboxChallengeOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(challengeId);
        return _engine.CompleteAsync(challengeId, outcome, cancellationToken);
    }
}
