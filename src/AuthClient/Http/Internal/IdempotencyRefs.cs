using System.Security.Cryptography;

namespace AuthClient.Http.Internal;

/// <summary>
/// New <c>idempotency-ref</c> values: a random (version 4) GUID in its 32-digit form, as before, drawn from
/// <see cref="RandomNumberGenerator"/>. <see cref="Guid.NewGuid"/> reads the kernel's random device on Linux, a system
/// call per value (a fifth of an in-memory call's CPU); the cryptographic generator fills from user space.
/// </summary>
internal static class IdempotencyRefs
{
    /// <summary>A new ref: 122 random bits, unique for every practical purpose, formatted as <c>Guid.ToString("N")</c>.</summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (the high nibble of the third group, little-endian)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString("N");
    }
}
