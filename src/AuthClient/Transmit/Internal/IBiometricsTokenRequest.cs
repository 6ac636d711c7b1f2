using System.Text.Json;
using AuthClient.Transmit.Models;

namespace AuthClient.Transmit.Internal;

/// <summary>
/// The optional token fields <see cref="BiometricsStartRequest"/> and <see cref="BiometricsAuthenticateRequest"/> both
/// send flat on the wire, so the input guard checks them in one place. Internal: the public records stay independent.
/// </summary>
internal interface IBiometricsTokenRequest
{
    string? Resource { get; }

    JsonElement? Claims { get; }

    string? OrgId { get; }

    string? SessionId { get; }
}
