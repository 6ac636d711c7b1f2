using System.Text.Json.Nodes;

namespace AuthClient.Tests.Support;

/// <summary>Compares JSON documents structurally: property order and whitespace do not matter, nulls and extra fields do.</summary>
public static class JsonAssert
{
    public static void Equal(string expectedJson, JsonNode? actual)
    {
        var expected = JsonNode.Parse(expectedJson);
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"JSON differs.{Environment.NewLine}Expected: {expected?.ToJsonString()}{Environment.NewLine}Actual:   {actual?.ToJsonString() ?? "<no body>"}");
    }
}
