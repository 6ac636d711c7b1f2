using System.Text.Json;
using System.Text.RegularExpressions;
using AuthClient.Primitives;
using AuthClient.Transmit.Models;

namespace AuthClient.Transmit.Internal;

/// <summary>Rejects input Transmit would refuse, before anything is sent, with an exception naming the parameter.</summary>
internal static partial class TransmitInputGuard
{
    public const int MaxApprovalDataEntries = 10;

    public static void Start(BiometricsStartRequest? request, string paramName)
    {
        ArgumentNullException.ThrowIfNull(request, paramName);
        var byUser = request.UserId is not null;
        var byIdentifier = request.Identifier is not null || request.IdentifierType is not null;
        if (byUser == byIdentifier)
        {
            throw new ArgumentException(
                "Identify the user either by UserId or by Identifier plus IdentifierType (exactly one of the two).", paramName);
        }

        if (byUser)
        {
            Required(request.UserId, paramName, nameof(request.UserId));
        }
        else
        {
            Required(request.Identifier, paramName, nameof(request.Identifier));
            Required(request.IdentifierType, paramName, nameof(request.IdentifierType));
        }

        Optional(request.DeviceId, paramName, nameof(request.DeviceId));
        TokenFields(request, paramName);
        if (request.Timeout is <= 0)
        {
            throw new ArgumentException("Timeout must be a positive number when set.", paramName);
        }

        if (request.ApprovalData is { } approval)
        {
            if (approval.Count > MaxApprovalDataEntries)
            {
                throw new ArgumentException(
                    $"ApprovalData holds {approval.Count} entries; Transmit accepts at most {MaxApprovalDataEntries}.", paramName);
            }

            foreach (var (key, value) in approval)
            {
                if (!ApprovalPattern().IsMatch(key))
                {
                    throw new ArgumentException(
                        $"ApprovalData key '{key}' may use only letters, digits, '_', '-' and '.'.", paramName);
                }

                if (value is null || !ApprovalPattern().IsMatch(value))
                {
                    throw new ArgumentException(
                        $"ApprovalData value of '{key}' must be non-empty and use only letters, digits, '_', '-' and '.'.", paramName);
                }
            }
        }
    }

    public static void Authenticate(BiometricsAuthenticateRequest? request, string paramName)
    {
        ArgumentNullException.ThrowIfNull(request, paramName);
        Required(request.Signature, paramName, nameof(request.Signature));
        Required(request.Challenge, paramName, nameof(request.Challenge));
        Required(request.KeyId, paramName, nameof(request.KeyId));
        Required(request.UserId, paramName, nameof(request.UserId));
        TokenFields(request, paramName);
    }

    public static void Register(BiometricsRegisterRequest? request, string paramName)
    {
        ArgumentNullException.ThrowIfNull(request, paramName);
        Required(request.PublicKey, paramName, nameof(request.PublicKey));
        Required(request.PublicKeyId, paramName, nameof(request.PublicKeyId));
        Required(request.Os, paramName, nameof(request.Os));
        if (request.EncryptionType is { } type && string.IsNullOrWhiteSpace(type.Value))
        {
            throw new ArgumentException("EncryptionType must be 'rsa' or 'ec' when set.", paramName);
        }

        Optional(request.DeviceId, paramName, nameof(request.DeviceId));
        Optional(request.Challenge, paramName, nameof(request.Challenge));
        Optional(request.AttestationEncodedResult, paramName, nameof(request.AttestationEncodedResult));
        Optional(request.DisplayName, paramName, nameof(request.DisplayName));
    }

    public static void UserToken(Secret? userAccessToken, string paramName)
    {
        ArgumentNullException.ThrowIfNull(userAccessToken, paramName);
        if (userAccessToken.IsEmpty)
        {
            throw new ArgumentException("The user access token is empty.", paramName);
        }
    }

    private static void Required(string? value, string paramName, string property)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{property} is required.", paramName);
        }
    }

    private static void Optional(string? value, string paramName, string property)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{property} must not be empty when set (leave it null to omit it).", paramName);
        }
    }

    // The optional fields start and authenticate share.
    private static void TokenFields(IBiometricsTokenRequest request, string paramName)
    {
        Optional(request.Resource, paramName, nameof(request.Resource));
        Optional(request.OrgId, paramName, nameof(request.OrgId));
        Optional(request.SessionId, paramName, nameof(request.SessionId));
        if (request.Claims is { } c && c.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("Claims must be a JSON object, e.g. {\"id_token\":{\"roles\":null}}.", paramName);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ApprovalPattern();
}
