namespace AuthClient.AotDesignFloor;

/// <summary>The login body.</summary>
/// <param name="Email">The e-mail.</param>
/// <param name="Password">The password wrapper Weavr expects.</param>
public sealed record FloorLoginBody(string Email, FloorPassword Password);
