using System.Text.Json;

namespace AuthClient.Errors.Internal;

/// <summary>
/// Turns a success answer whose body is not the documented JSON into a typed AuthClient exception. Without it Refit
/// throws its own <c>ApiException</c>, which carries the live request, Authorization header included.
/// </summary>
internal static class DeserializationErrorMapper
{
    public static Exception Map(string api, HttpResponseMessage response, Exception exception)
    {
        var request = response.RequestMessage;

        // The body is not kept: a success body may hold a token. The JSON path says where it broke, without values.
        var where = FindJsonException(exception)?.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
        var details = new ApiErrorDetails
        {
            Api = api,
            Method = request?.Method.Method ?? "?",
            Path = request?.RequestUri?.AbsolutePath ?? "?",
            StatusCode = response.StatusCode,
            ServerMessages = [$"the response body is not the documented JSON{where} ({exception.GetType().Name})"],
            RequestRef = response.Headers.TryGetValues("request-ref", out var refs) ? refs.FirstOrDefault() : null,
            IdempotencyRef = request is not null && request.Headers.TryGetValues("idempotency-ref", out var ids) ? ids.FirstOrDefault() : null,
        };
        return api == "Weavr" ? new WeavrApiException(details) : new AuthClientApiException(details);
    }

    private static JsonException? FindJsonException(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is JsonException json)
            {
                return json;
            }
        }

        return null;
    }
}
