using AuthClient.Weavr.Models;

namespace AuthClient.Errors;

/// <summary>Weavr answered 400. <see cref="InvalidFields"/> lists field-level syntax errors, whichever of the observed shapes carried them.</summary>
public sealed class WeavrBadRequestException : WeavrApiException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrBadRequestException"/> class.</summary>
    /// <param name="details">What the server answered.</param>
    /// <param name="invalidFields">The field-level errors.</param>
    public WeavrBadRequestException(ApiErrorDetails details, IReadOnlyList<InvalidField> invalidFields)
        : base(details)
    {
        InvalidFields = invalidFields ?? [];
    }

    /// <summary>Gets the field-level syntax errors (empty when the server gave only a message).</summary>
    public IReadOnlyList<InvalidField> InvalidFields { get; }
}
