namespace AuthClient.Weavr.Models;

/// <summary>A field-level syntax error reported in a Weavr 400 response.</summary>
public sealed record InvalidField
{
    /// <summary>Gets the field name.</summary>
    public string? FieldName { get; init; }

    /// <summary>Gets the error kind, e.g. <c>REQUIRED</c>, <c>SIZE</c>, <c>REGEX</c>.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the error parameters (e.g. the allowed size).</summary>
    public IReadOnlyList<string>? Params { get; init; }
}
