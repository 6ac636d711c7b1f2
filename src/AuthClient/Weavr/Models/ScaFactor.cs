namespace AuthClient.Weavr.Models;

/// <summary>An enrolled (or pending) additional authentication factor.</summary>
public sealed record ScaFactor
{
    /// <summary>Gets the challenge type.</summary>
    public ScaChallengeType? Type { get; init; }

    /// <summary>Gets the enrolment status.</summary>
    public ScaFactorStatus? Status { get; init; }

    /// <summary>Gets the channel.</summary>
    public ScaChannel? Channel { get; init; }
}
