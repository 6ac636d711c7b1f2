namespace AuthClient.Tests.Hardening;

/// <summary>What <see cref="HostileServer"/> does with one request: returns whether the connection stays open for the next.</summary>
internal delegate Task<bool> Fault(ServerConnection connection, RecordedRequest request);
