using System.Reflection;
using System.Text.RegularExpressions;
using AuthClient.Primitives;
using AuthClient.Tests.Support;
using Microsoft.Extensions.Logging;

namespace AuthClient.Tests.Logging;

/// <summary>
/// Every <see cref="LoggerMessageAttribute"/> in the AuthClient assembly has an explicit, unique event id inside its
/// category's range and an explicit, unique event name, and <c>docs/logging.md</c> lists exactly these events.
/// Reflection is fine here: it runs in tests only.
/// </summary>
public sealed partial class LogEventCatalogueTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    private static readonly string DocPath = SourceTree.PathOf("docs", "logging.md");

    private static readonly IReadOnlyList<LogEvent> Events = Collect(typeof(Secret).Assembly);

    [Fact]
    public void LoggerMessages_AreFoundInTheBuiltAssembly()
    {
        Assert.True(Events.Count >= 16, $"Only {Events.Count} [LoggerMessage] methods found: is the attribute still emitted?");
    }

    [Fact]
    public void LoggerMessages_Always_HaveAnExplicitUniqueIdAndName()
    {
        Assert.All(Events, e => Assert.True(e.Id > 0, $"{e.Method}: no EventId"));
        Assert.All(Events, e => Assert.False(string.IsNullOrWhiteSpace(e.Name), $"{e.Method}: no EventName"));
        Assert.Empty(Duplicates(Events.Select(e => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Empty(Duplicates(Events.Select(e => e.Name)));
    }

    [Fact]
    public void LoggerMessages_Always_UseAnIdInTheirCategorysDocumentedRange()
    {
        var ranges = ReadRanges();
        Assert.NotEmpty(ranges);
        var offenders = new List<string>();
        foreach (var e in Events)
        {
            var range = ranges.SingleOrDefault(r => r.Categories.Contains(e.Category));
            if (range is null)
            {
                offenders.Add($"{e.Method}: category {e.Category} has no range in docs/logging.md");
            }
            else if (e.Id < range.First || e.Id > range.Last)
            {
                offenders.Add($"{e.Method}: id {e.Id} is outside {e.Category}'s range {range.First}–{range.Last}");
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void DocsLogging_ListsExactlyTheEventsOfTheBuiltAssembly()
    {
        var documented = ReadDocumentedEvents();
        var built = Events.Select(e => $"{e.Id} | {e.Name} | {e.Level} | {e.Category} | {e.Message}").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(built, documented);
    }

    private static List<LogEvent> Collect(Assembly assembly) =>
    [
        .. from type in assembly.GetTypes()
           from method in type.GetMethods(Declared)
           let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
           where attribute is not null
           select new LogEvent(
               $"{type.FullName}.{method.Name}",
               CategoryOf(type),
               attribute.EventId,
               attribute.EventName ?? string.Empty,
               attribute.Level,
               attribute.Message),
    ];

    // The logger is ILogger<T> of the class that declares the message (a nested type logs under its outer class).
    private static string CategoryOf(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.FullName!;
    }

    private static IEnumerable<string> Duplicates(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

    private static List<IdRange> ReadRanges() =>
    [
        .. from cells in TableRows()
           let ids = RangeCell().Match(cells[0])
           where ids.Success && cells.Length == 3
           select new IdRange(
               int.Parse(ids.Groups["first"].Value, System.Globalization.CultureInfo.InvariantCulture),
               int.Parse(ids.Groups["last"].Value, System.Globalization.CultureInfo.InvariantCulture),
               [.. Code().Matches(cells[2]).Select(m => m.Groups["text"].Value)]),
    ];

    private static List<string> ReadDocumentedEvents() =>
    [
        .. TableRows()
            .Where(cells => cells.Length == 5 && cells[0].All(char.IsAsciiDigit) && cells[0].Length > 0)
            .Where(cells => !cells[3].StartsWith("`AuthClient.Redis.", StringComparison.Ordinal)) // Listed by hand: another assembly.
            .Select(cells => string.Join(" | ", cells.Select(c => c.Trim('`'))))
            .Order(StringComparer.Ordinal),
    ];

    private static IEnumerable<string[]> TableRows() =>
        File.ReadLines(DocPath)
            .Where(line => line.StartsWith('|') && line.EndsWith('|'))
            .Select(line => line[1..^1].Split('|').Select(c => c.Trim()).ToArray());

    [GeneratedRegex(@"^(?<first>\d+)–(?<last>\d+)$")]
    private static partial Regex RangeCell();

    [GeneratedRegex("`(?<text>[^`]+)`")]
    private static partial Regex Code();

    private sealed record LogEvent(string Method, string Category, int Id, string Name, LogLevel Level, string Message);

    private sealed record IdRange(int First, int Last, IReadOnlyList<string> Categories);
}
