using AuthClient.Primitives;

namespace AuthClient.Samples;

/// <summary>Where and as whom the remote journey runs. The api key, password and code are <see cref="Secret"/>s: never printed.</summary>
internal sealed record RemoteOptions
{
    public required Uri BaseUrl { get; init; }

    public required Secret ApiKey { get; init; }

    public required string Email { get; init; }

    public required Secret Password { get; init; }

    /// <summary>Gets the SMS code to verify with (Weavr's sandbox accepts 123456).</summary>
    public required Secret Otp { get; init; }
}
