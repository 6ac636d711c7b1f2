namespace AuthClient.Testing;

/// <summary>How the simulated user answered a push challenge.</summary>
public enum SandboxChallengeOutcome
{
    /// <summary>Approved: webhook status <c>VERIFIED</c> (enrolment: <c>ACTIVE</c>).</summary>
    Approved,

    /// <summary>Declined: webhook status <c>DECLINED</c> (enrolment: <c>INACTIVE</c>).</summary>
    Declined,

    /// <summary>Not answered in time: webhook status <c>EXPIRED</c> (enrolment: <c>INACTIVE</c>).</summary>
    Expired,
}
