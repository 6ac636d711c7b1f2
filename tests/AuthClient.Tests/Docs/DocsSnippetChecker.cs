using System.Text.RegularExpressions;

namespace AuthClient.Tests.Docs;

/// <summary>
/// The docs convention: every C# block of a markdown file is immediately preceded by
/// <c>&lt;!-- snippet: path/File.cs#region --&gt;</c>, the file is in a project of AuthClient.sln, and the block's body
/// equals the lines between <c>#region region</c> and its <c>#endregion</c> (common indentation removed from both).
/// So whatever the docs show is compiled with the solution.
/// </summary>
internal sealed partial class DocsSnippetChecker(Func<string, string?> readRepoFile, IReadOnlyCollection<string> projectDirectories)
{
    /// <summary>Gets how many C# blocks were checked, so a run that found none can be told apart.</summary>
    public int BlocksChecked { get; private set; }

    /// <summary>Checks one markdown file; returns one message per problem, each naming the file and line.</summary>
    public IReadOnlyList<string> Check(string markdownPath, string markdown)
    {
        var problems = new List<string>();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            var end = i + 1;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith(fence.Groups["ticks"].Value, StringComparison.Ordinal))
            {
                end++;
            }

            if (IsCSharp(fence.Groups["lang"].Value))
            {
                BlocksChecked++;
                var problem = CheckBlock(markdownPath, i, i > 0 ? lines[i - 1] : "", lines[(i + 1)..Math.Min(end, lines.Length)]);
                if (problem is not null)
                {
                    problems.Add(problem);
                }
            }

            i = end; // the closing fence; the loop moves past it
        }

        return problems;
    }

    private string? CheckBlock(string markdownPath, int fenceIndex, string previousLine, string[] body)
    {
        var at = $"{markdownPath}:{fenceIndex + 1}";
        var marker = Marker().Match(previousLine.Trim());
        if (!marker.Success)
        {
            return $"{at}: the csharp block is not immediately preceded by <!-- snippet: <path to a .cs file>#<region> -->";
        }

        var path = marker.Groups["path"].Value;
        var region = marker.Groups["region"].Value;
        var source = readRepoFile(path);
        if (source is null)
        {
            return $"{at}: snippet file {path} does not exist";
        }

        if (!projectDirectories.Any(dir => path.StartsWith(dir + "/", StringComparison.Ordinal)))
        {
            return $"{at}: snippet file {path} is not in a project of AuthClient.sln, so nothing compiles it";
        }

        var regionLines = RegionLines(source, region);
        if (regionLines is null)
        {
            return $"{at}: {path} has no #region {region} closed by #endregion";
        }

        var expected = Dedent(regionLines);
        var actual = Dedent(body);
        for (var n = 0; n < Math.Max(expected.Count, actual.Count); n++)
        {
            var want = n < expected.Count ? expected[n] : "<end of region>";
            var got = n < actual.Count ? actual[n] : "<end of block>";
            if (want != got)
            {
                return $"{markdownPath}:{fenceIndex + 2 + n}: the block differs from {path}#{region} at its line {n + 1}:" +
                       $"{Environment.NewLine}  doc:    {got}{Environment.NewLine}  source: {want}";
            }
        }

        return null;
    }

    private static bool IsCSharp(string language) =>
        language.Equals("csharp", StringComparison.OrdinalIgnoreCase) ||
        language.Equals("cs", StringComparison.OrdinalIgnoreCase) ||
        language.Equals("c#", StringComparison.OrdinalIgnoreCase);

    private static List<string>? RegionLines(string source, string region)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "#region " + region);
        if (start < 0)
        {
            return null;
        }

        var depth = 0;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.StartsWith("#region", StringComparison.Ordinal))
            {
                depth++;
            }
            else if (trimmed.StartsWith("#endregion", StringComparison.Ordinal) && depth-- == 0)
            {
                return [.. lines[(start + 1)..i]];
            }
        }

        return null;
    }

    /// <summary>Trailing spaces dropped, blank lines at either end dropped, the common indentation removed.</summary>
    private static List<string> Dedent(IEnumerable<string> lines)
    {
        var list = lines.Select(l => l.TrimEnd()).ToList();
        while (list.Count > 0 && list[0].Length == 0)
        {
            list.RemoveAt(0);
        }

        while (list.Count > 0 && list[^1].Length == 0)
        {
            list.RemoveAt(list.Count - 1);
        }

        var indent = list.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return [.. list.Select(l => l.Length >= indent ? l[indent..] : l)];
    }

    [GeneratedRegex(@"^\s*(?<ticks>```+)\s*(?<lang>[^\s`]*)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^<!--\s*snippet:\s*(?<path>[^#\s]+\.cs)#(?<region>[^\s]+)\s*-->$")]
    private static partial Regex Marker();
}
