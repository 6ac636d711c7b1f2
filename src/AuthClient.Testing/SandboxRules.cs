namespace AuthClient.Testing;

/// <summary>
/// The limits and timings the sandbox enforces. Defaults follow Weavr's documented and observed behaviour (API.md);
/// change them with <see cref="SandboxBuilder.WithRules"/> to make a test shorter or to probe an edge.
/// </summary>
public sealed class SandboxRules
{
    /// <summary>Gets or sets the OTP every SMS challenge accepts. Default <c>123456</c> (Weavr's sandbox code).</summary>
    public string OtpCode { get; set; } = "123456";

    /// <summary>Gets or sets the consecutive wrong-password logins that lock the account. Default 5.</summary>
    public int LoginAttemptLimit { get; set; } = 5;

    /// <summary>Gets or sets how long a locked account answers 423. Default 30 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets or sets how long a token stays valid after its last use (sliding). Default 5 minutes.</summary>
    public TimeSpan TokenIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how long an OTP challenge (enrolment or step-up) can be verified. Default 5 minutes.</summary>
    public TimeSpan OtpLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the verification attempts per OTP challenge. Default 3: wrong codes answer
    /// <c>VERIFICATION_CODE_INVALID</c>, the penultimate <c>ONE_CHALLENGE_LIMIT_REMAINING</c>, the last
    /// <c>CHALLENGE_LIMIT_EXCEEDED</c>, any further <c>STATE_INVALID</c>.</summary>
    public int OtpAttemptLimit { get; set; } = 3;

    /// <summary>Gets or sets how soon a step-up OTP may be re-issued for the same token (<c>RETRY_IN_15SEC</c>). Default 15 seconds.</summary>
    public TimeSpan OtpResendInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets how many step-up OTP challenges one token may issue; the next answers 400 (observed). Default 2; 0 = no limit.</summary>
    public int MaxOtpChallengesPerToken { get; set; } = 2;

    /// <summary>Gets or sets how long a push challenge waits before it expires by itself (webhook <c>EXPIRED</c>).
    /// Default 5 minutes; <see cref="TimeSpan.Zero"/> disables automatic expiry.</summary>
    public TimeSpan PushChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the minimum password length. Default 8 (end users).</summary>
    public int PasswordMinLength { get; set; } = 8;

    /// <summary>Gets or sets the maximum password length. Default 30.</summary>
    public int PasswordMaxLength { get; set; } = 30;

    /// <summary>Gets or sets how many recent passwords a new one may not repeat (the current one included). Default 5.</summary>
    public int PasswordHistorySize { get; set; } = 5;

    /// <summary>Gets or sets a value indicating whether the programme enables biometrics; when <see langword="false"/>,
    /// <c>/login_via_biometrics</c> answers 409 <c>CHANNEL_NOT_SUPPORTED</c>. Default <see langword="true"/>.</summary>
    public bool BiometricsEnabled { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether a repeated <c>idempotency-ref</c> (same operation, path and body)
    /// replays the first answer instead of running the call again. Default <see langword="true"/>.</summary>
    public bool IdempotencyReplay { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether <c>GET /authentication_factors</c> answers 403
    /// <c>STEP_UP_REQUIRED</c> to a token that is not stepped up, as Weavr's stepped-up-only operations do (unlinking a
    /// push device always does). Unlike an unlink, the call can be repeated: a test can drive many concurrent calls that
    /// all need one step-up. Default <see langword="false"/>.</summary>
    public bool FactorsRequireStepUp { get; set; }

    /// <summary>Gets or sets the nonce every forgotten-password link carries (<c>/passwords/lost_password/resume</c>), as
    /// the sandbox sends no e-mail. Default <c>654321</c>.</summary>
    public string LostPasswordNonce { get; set; } = "654321";

    /// <summary>Gets or sets how long a started forgotten-password flow can be resumed (undocumented by Weavr; then 410
    /// <c>TOKEN_EXPIRED</c>). Default 1 hour.</summary>
    public TimeSpan LostPasswordNonceLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how long a one-time token (<see cref="WeavrSandbox.IssueOneTimeToken"/>) can be exchanged
    /// at <c>/access_token</c>: Weavr documents the token as short-lived without a figure, so the sandbox picks 2 minutes
    /// (after that, or after its one use, the exchange answers 401). Default 2 minutes, on the sandbox's clock.</summary>
    public TimeSpan OneTimeTokenLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets a value indicating whether a call refused with 403 (such as <c>STEP_UP_REQUIRED</c>) is
    /// remembered under its <c>idempotency-ref</c> like any other answer, so that replaying it with the same ref after a
    /// step-up gets the same 403. Whether Weavr does this is undocumented; the SDK then retries once with a fresh ref.
    /// Default <see langword="false"/> (a refusal is not remembered).</summary>
    public bool RememberRefusedCalls { get; set; }

    /// <summary>Gets or sets how long Transmit client and user tokens live. Default 1 hour.</summary>
    public TimeSpan TransmitTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how long a Transmit <c>/start</c> challenge can be used. Default 5 minutes.</summary>
    public TimeSpan TransmitChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    internal SandboxRules Clone() => (SandboxRules)MemberwiseClone();

    internal void Validate()
    {
        if (string.IsNullOrEmpty(OtpCode) || OtpCode.Length != 6 || !OtpCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("The OTP code must be exactly 6 digits.", nameof(OtpCode));
        }

        if (string.IsNullOrEmpty(LostPasswordNonce) || LostPasswordNonce.Length != 6 || !LostPasswordNonce.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("The lost-password nonce must be exactly 6 digits.", nameof(LostPasswordNonce));
        }

        Positive(LostPasswordNonceLifetime, nameof(LostPasswordNonceLifetime));
        Positive(OneTimeTokenLifetime, nameof(OneTimeTokenLifetime));
        Positive(LoginAttemptLimit, nameof(LoginAttemptLimit));
        Positive(OtpAttemptLimit, nameof(OtpAttemptLimit));
        Positive(PasswordMinLength, nameof(PasswordMinLength));
        Positive(PasswordHistorySize, nameof(PasswordHistorySize));
        ArgumentOutOfRangeException.ThrowIfLessThan(PasswordMaxLength, PasswordMinLength, nameof(PasswordMaxLength));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxOtpChallengesPerToken, nameof(MaxOtpChallengesPerToken));
        Positive(LockoutDuration, nameof(LockoutDuration));
        Positive(TokenIdleTimeout, nameof(TokenIdleTimeout));
        Positive(OtpLifetime, nameof(OtpLifetime));
        ArgumentOutOfRangeException.ThrowIfLessThan(OtpResendInterval, TimeSpan.Zero, nameof(OtpResendInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(PushChallengeLifetime, TimeSpan.Zero, nameof(PushChallengeLifetime));
        Positive(TransmitTokenLifetime, nameof(TransmitTokenLifetime));
        Positive(TransmitChallengeLifetime, nameof(TransmitChallengeLifetime));
    }

    private static void Positive(int value, string name) => ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, name);

    private static void Positive(TimeSpan value, string name) => ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, name);
}
