using AuthClient.Http.Internal;

namespace AuthClient.Tests.Weavr;

/// <summary>The generated idempotency-refs: version-4 GUIDs in their 32-digit form, never repeated.</summary>
public sealed class IdempotencyRefsTests
{
    [Fact]
    public void New_100kRefs_AreDistinctVersion4GuidsInNForm()
    {
        var refs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 100_000; i++)
        {
            var value = IdempotencyRefs.New();
            Assert.True(refs.Add(value));
            Assert.True(Guid.TryParseExact(value, "N", out var guid));
            Assert.Equal(value, guid.ToString("N"));
            Assert.Equal('4', value[12]);
            Assert.Contains(value[16], "89ab");
        }
    }
}
