namespace AuthClient.Samples.ConsumerTests.App;

/// <summary>What <see cref="AccountSecurityService.RemoveAuthyAsync"/> did.</summary>
public enum DeviceRemovalOutcome
{
    /// <summary>The device was unlinked.</summary>
    Removed,

    /// <summary>The session must step up first (an OTP, then try again).</summary>
    StepUpRequired,

    /// <summary>No Authy device was linked.</summary>
    NotEnrolled,
}
