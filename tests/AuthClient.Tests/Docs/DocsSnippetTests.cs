using System.Text.RegularExpressions;
using AuthClient.Tests.Support;

namespace AuthClient.Tests.Docs;

/// <summary>Every C# block in README.md, docs/ and the package readmes is the text of a compiled region (see
/// <see cref="DocsSnippetChecker"/>), so a snippet that stops compiling fails the build, and one edited in the docs alone
/// fails here.</summary>
public sealed partial class DocsSnippetTests
{
    private static readonly string[] PackageReadmes =
    [
        "src/AuthClient/README.md",
        "src/AuthClient.AspNetCore/README.md",
        "src/AuthClient.Redis/README.md",
        "src/AuthClient.Testing/README.md",
    ];

    [Fact]
    public void EveryCSharpBlockInTheDocs_IsACompiledRegion()
    {
        var checker = new DocsSnippetChecker(ReadRepoFile, ProjectDirectories());
        var problems = new List<string>();
        foreach (var path in MarkdownFiles())
        {
            problems.AddRange(checker.Check(path, File.ReadAllText(SourceTree.PathOf(path))));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(checker.BlocksChecked >= 20, $"only {checker.BlocksChecked} csharp blocks found: are the docs where this test looks?");
    }

    [Fact]
    public void TheCheckedFiles_AreTheReadmeTheDocsAndEveryPackageReadme()
    {
        var files = MarkdownFiles();

        Assert.Contains("README.md", files);
        Assert.Contains("docs/sessions-and-step-up.md", files);
        Assert.All(PackageReadmes, readme => Assert.Contains(readme, files));
    }

    [Fact]
    public void ABlockWithoutMarker_IsReportedWithFileAndLine()
    {
        var problems = Check("# Title\n\n```csharp\nvar x = 1;\n```\n");

        Assert.Equal("doc.md:3: the csharp block is not immediately preceded by <!-- snippet: <path to a .cs file>#<region> -->", Assert.Single(problems));
    }

    [Fact]
    public void AMarkerNamingAMissingFileOrRegion_IsReported()
    {
        var missingFile = Check("<!-- snippet: samples/App/Gone.cs#a -->\n```csharp\nvar x = 1;\n```\n");
        var missingRegion = Check("<!-- snippet: samples/App/Snippet.cs#other -->\n```csharp\nvar x = 1;\n```\n");

        Assert.Equal("doc.md:2: snippet file samples/App/Gone.cs does not exist", Assert.Single(missingFile));
        Assert.Equal("doc.md:2: samples/App/Snippet.cs has no #region other closed by #endregion", Assert.Single(missingRegion));
    }

    [Fact]
    public void AFileOutsideTheSolutionsProjects_IsReported()
    {
        var problems = Check("<!-- snippet: elsewhere/Snippet.cs#a -->\n```csharp\nvar x = 1;\n```\n");

        Assert.Equal("doc.md:2: snippet file elsewhere/Snippet.cs is not in a project of AuthClient.sln, so nothing compiles it", Assert.Single(problems));
    }

    [Fact]
    public void ABlockThatDiffersFromItsRegion_IsReportedAtTheDifferingLine()
    {
        var problems = Check("intro\n<!-- snippet: samples/App/Snippet.cs#a -->\n```csharp\n    var x = 1;\n    var y = 3;\n```\n");

        Assert.StartsWith("doc.md:5: the block differs from samples/App/Snippet.cs#a at its line 2:", Assert.Single(problems));
    }

    [Fact]
    public void ABlockEqualToItsRegion_AfterIndentationIsRemoved_Passes()
    {
        var problems = Check("- item\n  <!-- snippet: samples/App/Snippet.cs#a -->\n  ```csharp\n  var x = 1;\n  var y = 2;\n  ```\n```bash\nnot checked\n```\n");

        Assert.Empty(problems);
    }

    private static IReadOnlyList<string> Check(string markdown)
    {
        var files = new Dictionary<string, string>
        {
            ["samples/App/Snippet.cs"] = "class C\n{\n    void M()\n    {\n        #region a\n        var x = 1;\n        var y = 2;\n        #endregion\n    }\n}\n",
            ["elsewhere/Snippet.cs"] = "#region a\nvar x = 1;\n#endregion\n",
        };
        return new DocsSnippetChecker(path => files.GetValueOrDefault(path), ["samples/App"]).Check("doc.md", markdown);
    }

    /// <summary>README.md, every markdown file under docs/, and each package's readme, as repository-relative paths.</summary>
    private static List<string> MarkdownFiles()
    {
        var root = SourceTree.Root.FullName;
        var docs = Directory.EnumerateFiles(SourceTree.PathOf("docs"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        return ["README.md", .. docs, .. PackageReadmes.Where(p => File.Exists(SourceTree.PathOf(p)))];
    }

    private static string? ReadRepoFile(string path)
    {
        var full = SourceTree.PathOf(path.Split('/'));
        return File.Exists(full) ? File.ReadAllText(full) : null;
    }

    /// <summary>The folders of the projects AuthClient.sln builds, repository-relative.</summary>
    private static List<string> ProjectDirectories() =>
    [
        .. ProjectLine().Matches(File.ReadAllText(SourceTree.PathOf("AuthClient.sln")))
            .Select(m => Path.GetDirectoryName(m.Groups["path"].Value.Replace('\\', '/'))!.Replace('\\', '/')),
    ];

    [GeneratedRegex(@"Project\(""[^""]+""\) = ""[^""]+"", ""(?<path>[^""]+\.csproj)""")]
    private static partial Regex ProjectLine();
}
