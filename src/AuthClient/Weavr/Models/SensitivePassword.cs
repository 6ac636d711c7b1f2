using AuthClient.Primitives;

namespace AuthClient.Weavr.Models;

/// <summary>A password as Weavr expects it on the wire: <c>{ "value": "…" }</c>.</summary>
/// <param name="Value">The password (or its tokenised form for non-PCI integrations); at most 100 characters.</param>
public sealed record SensitivePassword(Secret Value);
