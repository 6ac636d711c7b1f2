namespace AuthClient.DependencyInjection.Internal;

/// <summary>Registered by a feature that cannot work without calling Weavr (sessions), so that a programme using it
/// needs <c>Weavr.ApiKey</c> at start-up even when Transmit is configured.</summary>
/// <param name="Programme">The programme; empty for the unnamed registration.</param>
/// <param name="NeededBy">What needs it, for the failure message.</param>
internal sealed record WeavrApiKeyRequirement(string Programme, string NeededBy);
