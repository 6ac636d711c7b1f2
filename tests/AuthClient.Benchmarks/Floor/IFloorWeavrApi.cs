using AuthClient.Benchmarks.Raw;
using Refit;

namespace AuthClient.Benchmarks.Floor;

/// <summary>
/// The three measured calls as a plain Refit generated client over the hand-written baseline's models: the transport
/// the design fixes, with nothing of AuthClient's around it (headers as parameters, Refit's own errors).
/// </summary>
internal interface IFloorWeavrApi
{
    /// <summary><c>POST /login_with_password</c>; the api-key is a default header of the client.</summary>
    [Post("/login_with_password")]
    Task<RawTokenResponse> LoginAsync([Body] RawLoginRequest body);

    /// <summary><c>GET /identities</c> with a bearer token.</summary>
    [Get("/identities")]
    Task<RawIdentitiesResponse> IdentitiesAsync([Header("Authorization")] string authorization);

    /// <summary><c>POST /stepup/challenges/otp/{channel}/verify</c> with a bearer token and an idempotency-ref.</summary>
    [Post("/stepup/challenges/otp/{channel}/verify")]
    Task VerifyAsync(string channel, [Body] RawVerifyRequest body, [Header("Authorization")] string authorization, [Header("idempotency-ref")] string idempotencyRef);
}
