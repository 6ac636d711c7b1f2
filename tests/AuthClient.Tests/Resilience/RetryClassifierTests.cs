using System.Net;
using System.Net.Sockets;
using AuthClient.Resilience.Internal;
using Polly.Timeout;

namespace AuthClient.Tests.Resilience;

public sealed class RetryClassifierTests
{
    public static TheoryData<int> UnknownOutcomeStatuses => new() { 408, 500, 502, 503, 504 };

    public static TheoryData<int> ClientErrors => new() { 400, 401, 403, 404, 405, 409, 410, 423 };

    [Theory]
    [MemberData(nameof(UnknownOutcomeStatuses))]
    public void ShouldRetry_UnknownOutcomeOnGet_True(int status) =>
        Assert.True(RetryClassifier.ShouldRetry(Get(), Response(status), null));

    [Theory]
    [MemberData(nameof(UnknownOutcomeStatuses))]
    public void ShouldRetry_UnknownOutcomeOnPostWithIdempotencyRef_True(int status) =>
        Assert.True(RetryClassifier.ShouldRetry(Post(idempotencyRef: "ref-1"), Response(status), null));

    [Theory]
    [MemberData(nameof(UnknownOutcomeStatuses))]
    public void ShouldRetry_UnknownOutcomeOnPostWithoutIdempotencyRef_False(int status) =>
        Assert.False(RetryClassifier.ShouldRetry(Post(), Response(status), null));

    [Fact]
    public void ShouldRetry_UnknownOutcomeOnPostWithEmptyIdempotencyRef_False() =>
        Assert.False(RetryClassifier.ShouldRetry(Post(idempotencyRef: ""), Response(503), null));

    [Fact]
    public void ShouldRetry_UnknownOutcomeOnDeleteWithIdempotencyRef_True() =>
        Assert.True(RetryClassifier.ShouldRetry(Request(HttpMethod.Delete, "ref-2"), Response(503), null));

    [Fact]
    public void ShouldRetry_UnknownOutcomeOnDeleteWithoutIdempotencyRef_False() =>
        Assert.False(RetryClassifier.ShouldRetry(Request(HttpMethod.Delete, null), Response(503), null));

    [Fact]
    public void ShouldRetry_429OnPostWithoutIdempotencyRef_True() =>
        Assert.True(RetryClassifier.ShouldRetry(Post(), Response(429), null));

    [Theory]
    [MemberData(nameof(ClientErrors))]
    public void ShouldRetry_ClientErrorEvenWhenIdempotent_False(int status)
    {
        Assert.False(RetryClassifier.ShouldRetry(Get(), Response(status), null));
        Assert.False(RetryClassifier.ShouldRetry(Post(idempotencyRef: "ref-1"), Response(status), null));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    public void ShouldRetry_Success_False(int status) =>
        Assert.False(RetryClassifier.ShouldRetry(Get(), Response(status), null));

    [Theory]
    [InlineData(HttpRequestError.ConnectionError)]
    [InlineData(HttpRequestError.NameResolutionError)]
    [InlineData(HttpRequestError.SecureConnectionError)]
    public void ShouldRetry_FailedBeforeSendingOnPlainPost_True(HttpRequestError error) =>
        Assert.True(RetryClassifier.ShouldRetry(Post(), null, new HttpRequestException(error, "connect failed")));

    [Fact]
    public void ShouldRetry_ConnectionRefusedSocketErrorOnPlainPost_True() =>
        Assert.True(RetryClassifier.ShouldRetry(Post(), null, new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused))));

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.Unknown)]
    [InlineData(HttpRequestError.InvalidResponse)]
    public void ShouldRetry_FailedAfterSending_OnlyWhenIdempotent(HttpRequestError error)
    {
        var exception = new HttpRequestException(error, "dropped");
        Assert.False(RetryClassifier.ShouldRetry(Post(), null, exception));
        Assert.True(RetryClassifier.ShouldRetry(Post(idempotencyRef: "ref-1"), null, exception));
        Assert.True(RetryClassifier.ShouldRetry(Get(), null, exception));
    }

    [Fact]
    public void ShouldRetry_AttemptTimeout_OnlyWhenIdempotent()
    {
        var timeout = new TimeoutRejectedException();
        Assert.False(RetryClassifier.ShouldRetry(Post(), null, timeout));
        Assert.True(RetryClassifier.ShouldRetry(Post(idempotencyRef: "ref-1"), null, timeout));
        Assert.True(RetryClassifier.ShouldRetry(Get(), null, timeout));
    }

    [Fact]
    public void ShouldRetry_CallerCancellationOrUnexpectedException_False()
    {
        Assert.False(RetryClassifier.ShouldRetry(Get(), null, new OperationCanceledException()));
        Assert.False(RetryClassifier.ShouldRetry(Get(), null, new InvalidOperationException()));
        Assert.False(RetryClassifier.ShouldRetry(Get(), null, null));
    }

    [Fact]
    public void ShouldRetry_NoRequestInContext_TreatedAsNotIdempotent() =>
        Assert.False(RetryClassifier.ShouldRetry(null, Response(503), null));

    private static HttpRequestMessage Get() => Request(HttpMethod.Get, null);

    private static HttpRequestMessage Post(string? idempotencyRef = null) => Request(HttpMethod.Post, idempotencyRef);

    private static HttpRequestMessage Request(HttpMethod method, string? idempotencyRef)
    {
        var request = new HttpRequestMessage(method, "http://127.0.0.1/multi/x");
        if (idempotencyRef is not null)
        {
            request.Headers.TryAddWithoutValidation("idempotency-ref", idempotencyRef);
        }

        return request;
    }

    private static HttpResponseMessage Response(int status) => new((HttpStatusCode)status);
}
