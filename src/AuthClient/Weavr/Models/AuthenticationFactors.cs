namespace AuthClient.Weavr.Models;

/// <summary>The 200 body of <c>GET /authentication_factors</c>.</summary>
public sealed record AuthenticationFactors
{
    /// <summary>Gets the user's factors.</summary>
    public IReadOnlyList<ScaFactor> Factors { get; init; } = [];
}
