using AuthClient.Webhooks;

namespace AuthClient.Tests.Webhooks;

public sealed class WeavrWebhookPathsTests
{
    [Theory]
    [InlineData("/login/watch", WeavrWebhookKind.Login)]
    [InlineData("/webhooks/weavr/stepup/watch", WeavrWebhookKind.StepUp)]
    [InlineData("/webhooks/weavr/STEPUP/WATCH/", WeavrWebhookKind.StepUp)]
    [InlineData("https://x.example/hooks/authentication_factors/watch", WeavrWebhookKind.Enrolment)]
    public void TryGetKind_WatchPath_ReturnsKind(string path, WeavrWebhookKind expected)
    {
        Assert.True(WeavrWebhookPaths.TryGetKind(path, out var kind));
        Assert.Equal(expected, kind);
        Assert.EndsWith(WeavrWebhookPaths.GetPath(kind), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/stepup")]
    [InlineData("/cards/watch")]
    [InlineData("/login/watch/extra")]
    public void TryGetKind_OtherPath_ReturnsFalse(string? path)
    {
        Assert.False(WeavrWebhookPaths.TryGetKind(path, out _));
    }

    [Fact]
    public void GetPath_UndefinedKind_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WeavrWebhookPaths.GetPath((WeavrWebhookKind)0));
    }
}
