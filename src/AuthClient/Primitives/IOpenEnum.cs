namespace AuthClient.Primitives;

/// <summary>
/// A string-backed enumeration the server may extend: unknown values deserialize and keep their raw text.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IOpenEnum<TSelf>
    where TSelf : struct, IOpenEnum<TSelf>
{
    /// <summary>Gets the raw wire value.</summary>
    string Value { get; }

    /// <summary>Gets a value indicating whether the value is one this SDK version knows.</summary>
    bool IsKnown { get; }

    /// <summary>Creates an instance from its raw wire value.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The instance.</returns>
    static abstract TSelf FromValue(string value);
}
