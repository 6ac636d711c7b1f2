namespace AuthClient.AotDesignFloor;

/// <summary>The part of the login answer the floor reads.</summary>
/// <param name="Token">The AUTH token.</param>
public sealed record FloorLoginAnswer(string Token);
