using System.Text.RegularExpressions;
using AuthClient.Primitives;
using AuthClient.Weavr.Models;

namespace AuthClient.Weavr.Internal;

/// <summary>Rejects input Weavr would refuse, before anything is sent, with an exception naming the parameter.</summary>
internal static partial class WeavrInputGuard
{
    public const int MaxPasswordLength = 100;

    public static void Email(string? email, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email, paramName);
        if (email.Length > 254 || !EmailPattern().IsMatch(email))
        {
            throw new ArgumentException("The e-mail address is not valid (expected name@domain.tld).", paramName);
        }
    }

    public static void Password(string? password, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(password, paramName);
        if (password.Length > MaxPasswordLength)
        {
            throw new ArgumentException($"The password is longer than {MaxPasswordLength} characters.", paramName);
        }
    }

    /// <summary>Whether <paramref name="code"/> has the shape Weavr accepts (exactly 6 digits), without throwing.</summary>
    public static bool IsVerificationCode(string code) => CodePattern().IsMatch(code);

    public static void VerificationCode(string? code, string paramName)
    {
        ArgumentNullException.ThrowIfNull(code, paramName);
        if (!IsVerificationCode(code))
        {
            throw new ArgumentException("The verification code must be exactly 6 digits.", paramName);
        }
    }

    /// <summary>A lost-password nonce: 6 digits, like a verification code (spec <c>Nonce</c>: <c>^[0-9]{6}$</c>).</summary>
    public static void Nonce(string? nonce, string paramName)
    {
        ArgumentNullException.ThrowIfNull(nonce, paramName);
        if (!IsVerificationCode(nonce))
        {
            throw new ArgumentException("The nonce must be exactly 6 digits.", paramName);
        }
    }

    /// <summary>The longest one-time token or client assertion accepted: 16,384 characters (a signed JWT is far shorter).</summary>
    public const int MaxOpaqueSecretLength = 16_384;

    /// <summary>A one-time token or client assertion: opaque, but never empty, oversized or holding whitespace or
    /// control characters. The message never quotes the value.</summary>
    public static void OpaqueSecret(Secret? secret, string paramName)
    {
        ArgumentNullException.ThrowIfNull(secret, paramName);
        if (secret.IsEmpty)
        {
            throw new ArgumentException("The value must not be empty.", paramName);
        }

        if (secret.Length > MaxOpaqueSecretLength)
        {
            throw new ArgumentException($"The value is longer than {MaxOpaqueSecretLength} characters.", paramName);
        }

        foreach (var c in secret.Reveal())
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new ArgumentException("The value must not contain whitespace or control characters.", paramName);
            }
        }
    }

    public static void Identity(IdentityId? identity, string paramName)
    {
        ArgumentNullException.ThrowIfNull(identity, paramName);
        if (string.IsNullOrEmpty(identity.Id) || !DigitsPattern().IsMatch(identity.Id))
        {
            throw new ArgumentException("The identity id must be numeric.", paramName);
        }

        if (string.IsNullOrEmpty(identity.Type.Value))
        {
            throw new ArgumentException("The identity type is required.", paramName);
        }
    }

    public static void Channel(ScaChannel channel, string paramName, string operation, params ScaChannel[] accepted)
    {
        if (!accepted.Contains(channel))
        {
            throw new ArgumentException(
                $"{operation} accepts channel {string.Join(" or ", accepted)}, not '{channel}'.", paramName);
        }
    }

    public static void Paging(int? offset, int? limit)
    {
        if (offset is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "The offset must be 0 or more.");
        }

        if (limit is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit must be between 1 and 100.");
        }
    }

    // \z, not $: in .NET "$" also matches before a trailing newline, which would let "123456\n" through.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[0-9]{6}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsPattern();
}
