namespace AuthClient.Testing;

/// <summary>What a pending push challenge is for.</summary>
public enum SandboxChallengeKind
{
    /// <summary>A <c>/login_via_biometrics</c> login; approving it sends a fresh AUTH token on <c>/stepup/watch</c>.</summary>
    BiometricLogin,

    /// <summary>A <c>/stepup/challenges/push/{channel}</c> step-up; approving it steps the token up.</summary>
    PushStepUp,

    /// <summary>A <c>/authentication_factors/push/AUTHY</c> enrolment; approving it activates the factor (<c>/authentication_factors/watch</c>).</summary>
    PushEnrolment,
}
