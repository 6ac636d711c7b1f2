using AuthClient.Primitives;
using System.Text.Json;
using AuthClient.Sessions;
using AuthClient.Weavr.Models;
using static AuthClient.Tests.Sessions.SessionTestHost;

namespace AuthClient.Tests.Sessions;

public sealed class WeavrSessionSnapshotSerializerTests
{
    private static readonly WeavrSessionSnapshot Snapshot = new()
    {
        UserKey = UserKey,
        State = WeavrSessionState.SteppedUp,
        Token = new Secret("access-secret"),
        AuthToken = new Secret("auth-secret"),
        TokenStatus = AccessTokenStatus.SteppedUp,
        Identity = Consumer11,
        Credential = Root77,
        Identities = [new UserIdentity(Consumer11, "Ada")],
        LastActivityAt = Start,
        Version = 7,
    };

    [Fact]
    public void Serialize_RoundTrip_KeepsEveryField()
    {
        var json = WeavrSessionSnapshotSerializer.Serialize(Snapshot);
        var back = WeavrSessionSnapshotSerializer.Deserialize(json);

        Assert.Contains("\"state\":\"SteppedUp\"", json);
        Assert.Contains("\"tokenStatus\":\"STEPPED_UP\"", json);
        Assert.DoesNotContain("lockedUntil", json);
        Assert.Equal(Snapshot with { Identities = back.Identities }, back);
        Assert.Equal(Snapshot.Identities, back.Identities);
        Assert.Equal(json, WeavrSessionSnapshotSerializer.Serialize(back));
    }

    [Fact]
    public void ToString_NeverPrintsTheTokens()
    {
        var text = Snapshot.ToString();

        Assert.DoesNotContain("secret", text);
        Assert.Contains("Token = [redacted]", text);
        Assert.Contains("State = SteppedUp", text);
    }

    [Fact]
    public void GeneralPurposeSerializer_NeverWritesTheTokens()
    {
        var json = JsonSerializer.Serialize(Snapshot, new JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() });

        Assert.DoesNotContain("secret", json);
        Assert.Contains("\"UserKey\":\"user-1\"", json);
    }

    [Fact]
    public void Deserialize_NotASnapshot_Throws()
    {
        Assert.Throws<JsonException>(() => WeavrSessionSnapshotSerializer.Deserialize("null"));
        Assert.ThrowsAny<JsonException>(() => WeavrSessionSnapshotSerializer.Deserialize("{\"state\":\"Access\"}"));
        Assert.Throws<ArgumentException>(() => WeavrSessionSnapshotSerializer.Deserialize(" "));
    }
}
