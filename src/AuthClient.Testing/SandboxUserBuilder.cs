using AuthClient.Testing.Internal;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing;

/// <summary>
/// Describes one sandbox user. Only <see cref="Email"/> is required; by default the user has the password
/// <see cref="SandboxUser.DefaultPassword"/>, one consumer identity, a mobile number and no authentication factors.
/// </summary>
public sealed class SandboxUserBuilder
{
    private readonly List<(IdentityType Type, string Name, string? Id)> _identities = [];
    private readonly Dictionary<string, ScaFactorStatus> _factors = new(StringComparer.Ordinal);
    private string? _email;
    private string _password = SandboxUser.DefaultPassword;
    private string? _mobile;
    private bool _noMobile;
    private bool _passwordExpired;
    private string? _transmitUserId;

    internal SandboxUserBuilder()
    {
    }

    /// <summary>Sets the login e-mail (required, unique within the sandbox, case-insensitive).</summary>
    /// <param name="email">The e-mail.</param>
    /// <returns>This builder.</returns>
    public SandboxUserBuilder Email(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        if (!email.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException("The e-mail address is not valid.", nameof(email));
        }

        _email = email;
        return this;
    }

    /// <summary>Sets the password. Default <see cref="SandboxUser.DefaultPassword"/>.</summary>
    /// <param name="password">The password.</param>
    /// <returns>This builder.</returns>
    public SandboxUserBuilder Password(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        _password = password;
        return this;
    }

    /// <summary>Adds an identity the user can log in to; the first is the one a login reports. Default: one consumer identity.</summary>
    /// <param name="type">The identity type.</param>
    /// <param name="name">The identity's display name.</param>
    /// <param name="id">A numeric id, or <see langword="null"/> to have one assigned.</param>
    /// <returns>This builder.</returns>
    public SandboxUserBuilder Identity(IdentityType type, string name, string? id = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type.Value, nameof(type));
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (id is not null && (id.Length == 0 || !id.All(char.IsAsciiDigit)))
        {
            throw new ArgumentException("An identity id must be numeric.", nameof(id));
        }

        _identities.Add((type, name, id));
        return this;
    }

    /// <summary>Sets the mobile number (needed for SMS and Authy enrolment). Default: a generated Maltese number.</summary>
    /// <param name="number">The number, e.g. <c>+35699123456</c>.</param>
    /// <returns>This builder.</returns>
    public SandboxUserBuilder MobileNumber(string number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        _mobile = number;
        _noMobile = false;
        return this;
    }

    /// <summary>Gives the user no mobile number: OTP enrolment answers <c>MOBILE_NUMBER_NOT_AVAILABLE</c>.</summary>
    /// <returns>This builder.</returns>
    public SandboxUserBuilder NoMobile()
    {
        _mobile = null;
        _noMobile = true;
        return this;
    }

    /// <summary>Marks the password as expired: a correct login answers 409 with a temporary token.</summary>
    /// <returns>This builder.</returns>
    public SandboxUserBuilder PasswordExpired()
    {
        _passwordExpired = true;
        return this;
    }

    /// <summary>Seeds an authentication factor.</summary>
    /// <param name="channel"><see cref="ScaChannel.Sms"/>, <see cref="ScaChannel.Authy"/> or <see cref="ScaChannel.Biometric"/>.</param>
    /// <param name="status">The factor status; default <see cref="ScaFactorStatus.Active"/>.</param>
    /// <returns>This builder.</returns>
    public SandboxUserBuilder WithFactor(ScaChannel channel, ScaFactorStatus? status = null)
    {
        if (channel != ScaChannel.Sms && channel != ScaChannel.Authy && channel != ScaChannel.Biometric)
        {
            throw new ArgumentException($"Unknown channel '{channel}'.", nameof(channel));
        }

        _factors[channel.Value] = status ?? ScaFactorStatus.Active;
        return this;
    }

    /// <summary>Seeds an active SMS OTP factor (the user can step up with <see cref="SandboxRules.OtpCode"/>).</summary>
    /// <returns>This builder.</returns>
    public SandboxUserBuilder WithSms() => WithFactor(ScaChannel.Sms);

    /// <summary>Seeds an active Authy push factor.</summary>
    /// <returns>This builder.</returns>
    public SandboxUserBuilder WithAuthy() => WithFactor(ScaChannel.Authy);

    /// <summary>Seeds an active biometric factor (login via biometrics and biometric push step-up).</summary>
    /// <returns>This builder.</returns>
    public SandboxUserBuilder WithBiometric() => WithFactor(ScaChannel.Biometric);

    /// <summary>Sets the user's Transmit user id (for <c>/start</c> by <c>user_id</c> and <c>/authenticate</c>). Default: assigned.</summary>
    /// <param name="userId">The id.</param>
    /// <returns>This builder.</returns>
    public SandboxUserBuilder TransmitUserId(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        _transmitUserId = userId;
        return this;
    }

    internal UserSpec Build(int ordinal)
    {
        if (_email is null)
        {
            throw new InvalidOperationException("A sandbox user needs an e-mail: call Email(...).");
        }

        var mobile = _noMobile ? null : _mobile ?? $"+35699{100000 + ordinal:D6}";
        var needsMobile = _factors.ContainsKey(ScaChannel.Sms.Value) || _factors.ContainsKey(ScaChannel.Authy.Value);
        if (mobile is null && needsMobile)
        {
            throw new InvalidOperationException($"User '{_email}' has an SMS or Authy factor but no mobile number.");
        }

        var identities = _identities.Count > 0
            ? [.. _identities]
            : new List<(IdentityType, string, string?)> { (IdentityType.Consumer, _email.Split('@')[0], null) };
        return new UserSpec
        {
            Email = _email,
            Password = _password,
            Identities = identities,
            MobileNumber = mobile,
            PasswordExpired = _passwordExpired,
            Factors = new Dictionary<string, ScaFactorStatus>(_factors, StringComparer.Ordinal),
            TransmitUserId = _transmitUserId,
        };
    }
}
