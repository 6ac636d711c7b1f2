using System.Net;
using AuthClient.Errors;
using AuthClient.Tests.Support;
using AuthClient.Tests.Weavr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AuthClient.Tests.Errors;

/// <summary>429 answers: <c>x-ratelimit-limit</c>, <c>x-ratelimit-reset</c> and <c>Retry-After</c> parsed into <see cref="RateLimitInfo"/>.</summary>
public sealed class WeavrRateLimitedExceptionTests : IClassFixture<WeavrWireMockFixture>
{
    private const string Limit = "20, 10;w=60, 20;w=3600, 200;w=86400";
    private readonly WeavrWireMockFixture _wire;

    public WeavrRateLimitedExceptionTests(WeavrWireMockFixture wire)
    {
        _wire = wire;
        _wire.Reset();
    }

    [Theory]
    [InlineData("loginWithPassword")]
    [InlineData("stepupSCAChallenge")]
    [InlineData("passwordUpdate")]
    public async Task TooManyRequests_RetriesOff_ParsesEveryRateLimitHeader(string operation)
    {
        var op = WeavrEndpointCases.Get(operation);
        _wire.Given(op.Method, op.Path, 429, null,
            ("request-ref", "rr-429"), ("x-ratelimit-limit", Limit), ("x-ratelimit-reset", "7"), ("Retry-After", "12"));
        using var sut = _wire.CreateClient(o => o.Resilience.MaxRetryAttempts = 0);

        var ex = await Assert.ThrowsAsync<WeavrRateLimitedException>(() => op.Invoke(sut.Weavr, WeavrEndpointCases.CallOptions("idem-429")));

        var info = ex.RateLimit;
        Assert.Equal(Limit, info.RawLimit);
        Assert.Equal(20, info.ExceededLimit);
        Assert.Equal(
            [new RateLimitPolicy(10, TimeSpan.FromSeconds(60)), new RateLimitPolicy(20, TimeSpan.FromHours(1)), new RateLimitPolicy(200, TimeSpan.FromDays(1))],
            info.Policies);
        Assert.Equal(TimeSpan.FromSeconds(7), info.Reset);
        Assert.Equal(TimeSpan.FromSeconds(12), info.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(12), info.SuggestedDelay);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal("rr-429", ex.RequestRef);
        Assert.Equal(op.DeclaresIdempotencyRef ? "idem-429" : null, ex.IdempotencyRef);
        Assert.Null(ex.ErrorCode);
        _wire.SingleRequest();
    }

    [Fact]
    public async Task TooManyRequests_NoRetryAfter_SuggestsResetDelay()
    {
        _wire.Given("GET", "/authentication_factors", 429, null, ("x-ratelimit-limit", "10, 10;w=60"), ("x-ratelimit-reset", "42"));
        using var sut = _wire.CreateClient();

        var ex = await Assert.ThrowsAsync<WeavrRateLimitedException>(() => sut.Weavr.GetAuthenticationFactorsAsync(WeavrEndpointCases.CallOptions()));

        Assert.Null(ex.RateLimit.RetryAfter);
        Assert.Equal(10, ex.RateLimit.ExceededLimit);
        Assert.Equal([new RateLimitPolicy(10, TimeSpan.FromMinutes(1))], ex.RateLimit.Policies);
        Assert.Equal(TimeSpan.FromSeconds(42), ex.RateLimit.SuggestedDelay);
    }

    [Fact]
    public async Task TooManyRequests_RetryAfterHttpDate_MeasuredFromTheInjectedClock()
    {
        var now = new DateTimeOffset(2026, 10, 21, 7, 27, 0, TimeSpan.Zero);
        _wire.Given("POST", "/login_with_password", 429, null, ("Retry-After", "Wed, 21 Oct 2026 07:28:30 GMT"));
        using var sut = _wire.CreateClient(services: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));

        var ex = await Assert.ThrowsAsync<WeavrRateLimitedException>(
            () => sut.Weavr.LoginWithPasswordAsync(WeavrEndpointCases.Email, WeavrEndpointCases.Password));

        Assert.Equal(TimeSpan.FromSeconds(90), ex.RateLimit.RetryAfter);
        Assert.Null(ex.RateLimit.RawLimit);
        Assert.Empty(ex.RateLimit.Policies);
    }

    [Fact]
    public async Task TooManyRequests_RetryAfterBeyondMaxRetryAfter_SurfacesAfterOneRequestEvenWithRetriesOn()
    {
        _wire.Given("POST", "/stepup/challenges/push/BIOMETRIC", 429, null, ("x-ratelimit-limit", Limit), ("Retry-After", "3600"));
        using var sut = _wire.CreateClient(o =>
        {
            o.Resilience.MaxRetryAttempts = 3;
            o.Resilience.MaxRetryAfter = TimeSpan.FromSeconds(30);
        });

        var ex = await Assert.ThrowsAsync<WeavrRateLimitedException>(
            () => WeavrEndpointCases.Get("stepupSCAChallengePush").Invoke(sut.Weavr, WeavrEndpointCases.CallOptions()));

        Assert.Equal(TimeSpan.FromHours(1), ex.RateLimit.RetryAfter);
        _wire.SingleRequest();
    }
}
