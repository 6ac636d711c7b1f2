namespace AuthClient.Errors;

/// <summary>The <c>errorCode</c> values Weavr documents for the authentication operations. The set is open: compare strings.</summary>
public static class WeavrErrorCodes
{
#pragma warning disable CS1591 // Each constant is its own wire value.
    public const string StepUpRequired = "STEP_UP_REQUIRED";
    public const string AccessTokenRequired = "ACCESS_TOKEN_REQUIRED";
    public const string InsufficientPermissions = "INSUFFICIENT_PERMISSIONS";
    public const string TokenExpired = "TOKEN_EXPIRED";
    public const string TokenNotFound = "TOKEN_NOT_FOUND";
    public const string ChannelNotRegistered = "CHANNEL_NOT_REGISTERED";
    public const string ChannelNotSupported = "CHANNEL_NOT_SUPPORTED";
    public const string ChannelNotReady = "CHANNEL_NOT_READY";
    public const string ChannelAlreadyRegistered = "CHANNEL_ALREADY_REGISTERED";
    public const string MobileNumberNotAvailable = "MOBILE_NUMBER_NOT_AVAILABLE";
    public const string MobileNumberInvalid = "MOBILE_NUMBER_INVALID";
    public const string MobileCountryNotSupported = "MOBILE_COUNTRY_NOT_SUPPORTED";
    public const string CredentialsInactive = "CREDENTIALS_INACTIVE";
    public const string TypeDoesNotSupportEnrolment = "TYPE_DOES_NOT_SUPPORT_ENROLMENT";
    public const string VerificationCodeExpired = "VERIFICATION_CODE_EXPIRED";
    public const string VerificationCodeInvalid = "VERIFICATION_CODE_INVALID";
    public const string ChallengeLimitExceeded = "CHALLENGE_LIMIT_EXCEEDED";
    public const string OneChallengeLimitRemaining = "ONE_CHALLENGE_LIMIT_REMAINING";
    public const string StateInvalid = "STATE_INVALID";
    public const string AlreadyVerified = "ALREADY_VERIFIED";
    public const string RetryIn15Sec = "RETRY_IN_15SEC";
    public const string PasscodeNotSet = "PASSCODE_NOT_SET";
    public const string EnrolmentLimitExceeded = "ENROLMENT_LIMIT_EXCEEDED";
    public const string IdentityTypeNotSupported = "IDENTITY_TYPE_NOT_SUPPORTED";
    public const string PasswordAlreadyUsed = "PASSWORD_ALREADY_USED";
    public const string PasswordTooShort = "PASSWORD_TOO_SHORT";
    public const string PasswordTooLong = "PASSWORD_TOO_LONG";
    public const string PasswordTooSimple = "PASSWORD_TOO_SIMPLE";
    public const string PasswordIncorrect = "PASSWORD_INCORRECT";
    public const string UnresolvedIdentity = "UNRESOLVED_IDENTITY";
    public const string PasswordProfileNotConfiguredForCredentialType = "PASSWORD_PROFILE_NOT_CONFIGURED_FOR_CREDENTIAL_TYPE";
    public const string MultipleAccountsFound = "MULTIPLE_ACCOUNTS_FOUND";
    public const string AccountNotFound = "ACCOUNT_NOT_FOUND";
    public const string InvalidNonceOrEmail = "INVALID_NONCE_OR_EMAIL";
    public const string PasswordNotSet = "PASSWORD_NOT_SET";
#pragma warning restore CS1591
}
