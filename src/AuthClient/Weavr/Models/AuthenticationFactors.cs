namespace AuthClient.Weavr.Models;

/// <summary>The 200 body of <c>GET /authentication_factors</c>.</summary>
public sealed record AuthenticationFactors
{
    // System.Text.Json's source generator sets init-only properties even when the JSON omits them, so a property
    // initializer alone would let an absent or null "factors" through as null.
    private readonly IReadOnlyList<ScaFactor> _factors = [];

    /// <summary>Gets the user's factors (empty when the server sends none).</summary>
    public IReadOnlyList<ScaFactor> Factors
    {
        get => _factors;
        init => _factors = value ?? [];
    }
}
