using AuthClient.Weavr.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AuthClient.Sessions.Internal;

/// <summary>
/// Binds <see cref="WeavrSessionOptions"/> from configuration: the scalars through the binding source generator, the two
/// channels (open enums, which the generator cannot build from a string) by their wire value, e.g. <c>"AUTHY"</c>.
/// </summary>
internal static class SessionOptionsBinding
{
    public static void Bind(OptionsBuilder<WeavrSessionOptions> options, IConfiguration section) =>
        options.Configure(o => Bind(o, section));

    public static void Bind(WeavrSessionOptions options, IConfiguration section)
    {
        var otpChannel = options.OtpChannel;
        var pushChannel = options.PushChannel;
        section.Bind(options);
        options.OtpChannel = Channel(section, nameof(WeavrSessionOptions.OtpChannel), otpChannel);
        options.PushChannel = Channel(section, nameof(WeavrSessionOptions.PushChannel), pushChannel);
    }

    // The wire values are upper case; configuration is often written otherwise ("Authy").
    private static ScaChannel Channel(IConfiguration section, string key, ScaChannel current) =>
        section[key] is { Length: > 0 } value ? ScaChannel.FromValue(value.Trim().ToUpperInvariant()) : current;
}
