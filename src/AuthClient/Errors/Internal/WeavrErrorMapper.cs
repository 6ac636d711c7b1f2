using System.Net;
using System.Text.Json;
using AuthClient.Http.Internal;
using AuthClient.Primitives;
using AuthClient.Weavr.Models;

namespace AuthClient.Errors.Internal;

/// <summary>
/// The one place a failed Weavr response becomes a typed exception (status → type, body → fields), parsing every
/// documented and observed body shape leniently.
/// </summary>
internal static class WeavrErrorMapper
{
    private const string Api = "Weavr";

    public static async Task<Exception> MapAsync(HttpResponseMessage response, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        using var error = await ErrorResponse.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        var requestRef = CorrelationHeaders.ReadRequestRef(response);
        var errorCode = error.GetString("errorCode") ?? error.GetString("code");
        var messages = Messages(error);

        switch (response.StatusCode)
        {
            case HttpStatusCode.BadRequest:
                return new WeavrBadRequestException(error.ToDetails(Api, errorCode, messages, requestRef), InvalidFields(error));
            case HttpStatusCode.Unauthorized:
                return new WeavrUnauthorizedException(error.ToDetails(Api, errorCode, messages, requestRef));
            case HttpStatusCode.Forbidden:
                // Weavr's own web app reads the reason from "message" when "errorCode" is absent.
                errorCode ??= messages.FirstOrDefault(IsForbiddenReason);
                return new WeavrForbiddenException(error.ToDetails(Api, errorCode, messages, requestRef));
            case HttpStatusCode.NotFound when errorCode is WeavrErrorCodes.TokenExpired or WeavrErrorCodes.TokenNotFound:
            case HttpStatusCode.Gone:
                return new WeavrTokenException(error.ToDetails(Api, errorCode, messages, requestRef));
            case HttpStatusCode.NotFound:
                return new WeavrNotFoundException(error.ToDetails(Api, errorCode, messages, requestRef));
            case HttpStatusCode.MethodNotAllowed:
                return new WeavrMethodNotAllowedException(error.ToDetails(Api, errorCode, messages, requestRef));
            case HttpStatusCode.Conflict when Secret.FromNullable(error.GetString("token")) is { } temporaryToken:
                return new WeavrPasswordExpiredException(error.ToDetails(Api, errorCode, messages, requestRef), temporaryToken);
            case HttpStatusCode.Conflict when WeavrPasswordPolicyException.FromErrorCode(errorCode) is not null:
                return new WeavrPasswordPolicyException(error.ToDetails(Api, errorCode, messages, requestRef));
            case HttpStatusCode.Conflict:
                return new WeavrConflictException(error.ToDetails(Api, errorCode, messages, requestRef));
            case HttpStatusCode.Locked:
                return new WeavrLockedException(error.ToDetails(Api, errorCode, messages, requestRef));
            case HttpStatusCode.TooManyRequests:
                return new WeavrRateLimitedException(
                    error.ToDetails(Api, errorCode, messages, requestRef),
                    RateLimitHeaders.Parse(response, timeProvider.GetUtcNow()));
            case var status when ErrorResponse.IsServerError(status):
                return new WeavrServerException(error.ToDetails(Api, errorCode, messages, requestRef));
            default:
                return new WeavrApiException(error.ToDetails(Api, errorCode, messages, requestRef));
        }
    }

    private static bool IsForbiddenReason(string message) =>
        message is WeavrErrorCodes.StepUpRequired or WeavrErrorCodes.AccessTokenRequired or WeavrErrorCodes.InsufficientPermissions;

    private static IReadOnlyList<string> Messages(ErrorResponse error)
    {
        var messages = new List<string>(error.GetStrings("message"));
        if (error.IsObject &&
            error.Root.TryGetProperty("_embedded", out var embedded) &&
            embedded.ValueKind == JsonValueKind.Object &&
            embedded.TryGetProperty("errors", out var errors) &&
            errors.ValueKind == JsonValueKind.Array)
        {
            messages.AddRange(errors.EnumerateArray()
                .Select(e => ErrorResponse.GetString(e, "message"))
                .OfType<string>());
        }

        return messages;
    }

    private static IReadOnlyList<InvalidField> InvalidFields(ErrorResponse error)
    {
        if (!error.IsObject)
        {
            return [];
        }

        // Documented: { syntaxErrors: { invalidFields: [...] } }; observed: { invalidFields: [...] } at the top level.
        var holder = error.Root.TryGetProperty("syntaxErrors", out var syntaxErrors) && syntaxErrors.ValueKind == JsonValueKind.Object
            ? syntaxErrors
            : error.Root;
        if (!holder.TryGetProperty("invalidFields", out var fields) || fields.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. fields.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object).Select(f => new InvalidField
        {
            FieldName = ErrorResponse.GetString(f, "fieldName"),
            Error = ErrorResponse.GetString(f, "error"),
            Params = f.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Array
                ? [.. p.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText())]
                : null,
        })];
    }
}
