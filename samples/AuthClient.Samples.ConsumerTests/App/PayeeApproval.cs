namespace AuthClient.Samples.ConsumerTests.App;

/// <summary>How <see cref="PayeeApprovalService.ApproveAsync"/> ended.</summary>
public enum PayeeApproval
{
    /// <summary>The user passed the step-up.</summary>
    Approved,

    /// <summary>The user declined, or the challenge failed.</summary>
    Refused,

    /// <summary>No live session: the user must sign in first.</summary>
    SignInRequired,
}
