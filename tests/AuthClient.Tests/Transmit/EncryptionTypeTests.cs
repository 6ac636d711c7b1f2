using System.Text.Json;
using AuthClient.Transmit.Internal;
using AuthClient.Transmit.Models;

namespace AuthClient.Tests.Transmit;

public sealed class EncryptionTypeTests
{
    [Theory]
    [InlineData("rsa", true)]
    [InlineData("ec", true)]
    [InlineData("ed25519", false)]
    public void Json_AnyValue_RoundTripsAndReportsWhetherKnown(string wire, bool known)
    {
        var request = JsonSerializer.Deserialize(
            $$"""{"publicKey":"p","publicKeyId":"i","os":"iOS","encryptionType":"{{wire}}"}""",
            TransmitJsonContext.Default.BiometricsRegisterRequest)!;

        Assert.Equal(wire, request.EncryptionType!.Value.Value);
        Assert.Equal(known, request.EncryptionType.Value.IsKnown);
        Assert.Contains($"\"encryptionType\":\"{wire}\"", JsonSerializer.Serialize(request, TransmitJsonContext.Default.BiometricsRegisterRequest), StringComparison.Ordinal);
    }

    [Fact]
    public void KnownValues_AreEqualToTheirWireText()
    {
        Assert.Equal(new EncryptionType("ec"), EncryptionType.Ec);
        Assert.Equal("rsa", EncryptionType.Rsa.ToString());
        Assert.Equal(string.Empty, default(EncryptionType).Value);
    }
}
