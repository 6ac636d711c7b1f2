using System.Net;
using AuthClient.Errors;
using AuthClient.Tests.Weavr;
using Refit;

namespace AuthClient.Tests.Errors;

/// <summary>Malformed success bodies, and the secrets an error body may carry: never kept, never printed.</summary>
public sealed partial class WeavrErrorMapperTests
{
    [Theory]
    [InlineData("loginWithPassword", "{not json")]
    [InlineData("requestAccessToken", """{"token":42,"identity":"nope"}""")]
    [InlineData("authFactorsGet", """{"factors":"not-a-list"}""")]
    public async Task MalformedSuccessBody_ThrowsInvalidResponseNotRefits(string operation, string body)
    {
        // Refit's ApiException carries the live request (Authorization header included): it must never escape.
        var op = WeavrEndpointCases.Get(operation);
        _wire.Given(op.Method, op.Path, 200, body, ("request-ref", RequestRef));
        using var sut = _wire.CreateClient();

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => op.Invoke(sut.Weavr, WeavrEndpointCases.CallOptions()));

        var invalid = Assert.IsType<AuthClientInvalidResponseException>(ex);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Equal(RequestRef, invalid.RequestRef);
        Assert.DoesNotContain(body, invalid.ToString(), StringComparison.Ordinal); // A success body may hold a token: never kept.
        Assert.Contains("not the documented JSON", invalid.Message, StringComparison.Ordinal);
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            Assert.False(inner is ApiException, $"Refit's {inner.GetType().Name} escaped.");
        }

        AssertNoSecrets(ex);
    }

    [Fact]
    public async Task Conflict_SecretsNestedAtAnyDepth_AreRedactedInTheKeptBody()
    {
        const string Body = """
            {"errorCode":"X","details":{"token":"nested-tok-1","items":[{"authToken":"arr-tok-2","password":{"value":"pw-3"}},{"verificationCode":"123456"}]},"value":"val-4","message":"kept"}
            """;

        var ex = await CallAsync<WeavrConflictException>("authFactorsGet", 409, Body);

        var kept = ex.Details.ResponseBody!;
        foreach (var secret in new[] { "nested-tok-1", "arr-tok-2", "pw-3", "123456", "val-4" })
        {
            Assert.DoesNotContain(secret, kept, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, ex.ToString(), StringComparison.Ordinal);
        }

        Assert.Contains("\"errorCode\":\"X\"", kept, StringComparison.Ordinal);
        Assert.Contains("\"message\":\"kept\"", kept, StringComparison.Ordinal);
        Assert.Contains("[redacted]", kept, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerError_TruncatedJsonMentioningAToken_DropsTheBody()
    {
        var ex = await CallAsync<WeavrServerException>("authFactorsGet", 500, """{"debug":{"token":"cut-tok-5","trace":""");

        Assert.Null(ex.Details.ResponseBody);
        Assert.DoesNotContain("cut-tok-5", ex.ToString(), StringComparison.Ordinal);
    }
}
