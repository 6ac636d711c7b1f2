using AuthClient.Primitives;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Tests.Hardening;

/// <summary>
/// One kind of call the fault matrix makes, by the properties that decide what a fault may do to it: whether it may
/// be retried after an unknown outcome (GET, or a POST with an idempotency-ref), whether it sends a body, and which API.
/// </summary>
internal sealed record EndpointKind(
    string Name,
    string Path,
    bool Idempotent,
    bool IsTransmit,
    bool SendsBody,
    int SuccessStatus,
    string SuccessBody,
    Func<IServiceProvider, CancellationToken, Task> Invoke)
{
    public const string Email = "canary.user@example.com";
    public const string Password = "Canary-Passw0rd-7781";
    public static readonly Secret Bearer = new("canary-bearer-token-5521");

    public static readonly EndpointKind WeavrGet = new(
        "weavr GET with bearer", "/multi/identities", Idempotent: true, IsTransmit: false, SendsBody: false,
        200, """{"identities":[],"count":0,"responseCount":0}""",
        (sp, ct) => sp.GetRequiredService<IWeavrAuthClient>().GetIdentitiesAsync(options: WeavrCallOptions.WithToken(Bearer), cancellationToken: ct));

    public static readonly EndpointKind WeavrIdempotentPost = new(
        "weavr POST with idempotency-ref", "/multi/stepup/challenges/push/AUTHY", Idempotent: true, IsTransmit: false, SendsBody: false,
        200, """{"id":"110215121003"}""",
        (sp, ct) => sp.GetRequiredService<IWeavrAuthClient>().StartPushStepUpAsync(ScaChannel.Authy, WeavrCallOptions.WithToken(Bearer), ct));

    public static readonly EndpointKind WeavrPost = new(
        "weavr POST without idempotency-ref", "/multi/login_with_password", Idempotent: false, IsTransmit: false, SendsBody: true,
        200, """{"token":"canary-auth-token-0042","tokenType":"AUTH","identity":{"type":"CONSUMER","id":"110000000101"},"credentials":{"type":"ROOT","id":"110000000102"}}""",
        (sp, ct) => sp.GetRequiredService<IWeavrAuthClient>().LoginWithPasswordAsync(Email, Password, ct));

    public static readonly EndpointKind WeavrBodilessPost = new(
        "weavr body-less POST", "/multi/logout", Idempotent: false, IsTransmit: false, SendsBody: false,
        204, "",
        (sp, ct) => sp.GetRequiredService<IWeavrAuthClient>().LogoutAsync(WeavrCallOptions.WithToken(Bearer), ct));

    public static readonly EndpointKind TransmitToken = new(
        "transmit token", "/oidc/token", Idempotent: false, IsTransmit: true, SendsBody: true,
        200, """{"access_token":"canary-client-token-9911","token_type":"Bearer","expires_in":3600}""",
        async (sp, ct) =>
        {
            var tokens = sp.GetRequiredService<ITransmitClientTokenProvider>();
            tokens.Invalidate(); // every call is a token request, not a cache hit
            await tokens.GetTokenAsync(ct);
        });

    public static readonly EndpointKind TransmitCall = new(
        "transmit call", "/cis/v1/auth/mobile-biometrics/start", Idempotent: false, IsTransmit: true, SendsBody: true,
        200, """{"challenge":"challenge-xyz"}""",
        (sp, ct) => sp.GetRequiredService<ITransmitBiometricsClient>().StartAsync(BiometricsStartRequest.ForUser("user-1"), ct));

    public static IReadOnlyList<EndpointKind> All { get; } = [WeavrGet, WeavrIdempotentPost, WeavrPost, WeavrBodilessPost, TransmitToken, TransmitCall];

    public override string ToString() => Name;
}
