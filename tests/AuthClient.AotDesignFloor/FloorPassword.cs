namespace AuthClient.AotDesignFloor;

/// <summary>Weavr's password object.</summary>
/// <param name="Value">The password.</param>
public sealed record FloorPassword(string Value);
