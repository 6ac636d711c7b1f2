using System.Net;
using AuthClient.Errors;
using AuthClient.Weavr;

namespace AuthClient.Samples.ConsumerTests.UnitTests;

/// <summary>How a consumer builds the SDK's results and exceptions for a mocked <see cref="IWeavrAuthClient"/>:
/// they are public records and exceptions with public constructors.</summary>
internal static class SdkResults
{
    /// <summary>A 200 answer carrying <paramref name="value"/>.</summary>
    public static WeavrResponse<T> Ok<T>(T value) => new(value, HttpStatusCode.OK, RequestRef: "req-ok", IdempotencyRef: null);

    /// <summary>A 204 answer.</summary>
    public static WeavrResponse NoContent() => new(HttpStatusCode.NoContent, RequestRef: "req-ok", IdempotencyRef: null);

    /// <summary>What Weavr answered to a failed call; pass it to the exception's constructor.</summary>
    public static ApiErrorDetails WeavrError(HttpStatusCode status, string? errorCode = null, string path = "/test") => new()
    {
        Api = "Weavr",
        Method = "POST",
        Path = path,
        StatusCode = status,
        ErrorCode = errorCode,
        RequestRef = "req-" + (int)status,
    };
}
