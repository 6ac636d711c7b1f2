namespace AuthClient.Transmit;

/// <summary>Error codes Transmit documents for mobile biometrics (<c>error_code</c> and <c>ts_error_code</c>). Not exhaustive: compare, don't switch exhaustively.</summary>
public static class TransmitErrorCodes
{
    /// <summary><c>error_code</c> <c>invalid_request</c>: a required property is missing or invalid.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary><c>ts_error_code</c> <c>system_invalid_input</c>: the input is invalid.</summary>
    public const string SystemInvalidInput = "system_invalid_input";

    /// <summary><c>ts_error_code</c> <c>auth_max_authenticators_count_exceeded</c>: the user has too many authenticators.</summary>
    public const string MaxAuthenticatorsExceeded = "auth_max_authenticators_count_exceeded";

    /// <summary><c>ts_error_code</c> <c>auth_invalid_attestation</c>: the attestation did not verify.</summary>
    public const string InvalidAttestation = "auth_invalid_attestation";

    /// <summary><c>ts_error_code</c> <c>auth_invalid_key_type</c>: the key type is not accepted.</summary>
    public const string InvalidKeyType = "auth_invalid_key_type";

    /// <summary><c>ts_error_code</c> <c>auth_invalid_key_encoding</c>: the public key could not be decoded.</summary>
    public const string InvalidKeyEncoding = "auth_invalid_key_encoding";
}
