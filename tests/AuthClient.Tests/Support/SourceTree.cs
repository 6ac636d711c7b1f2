namespace AuthClient.Tests.Support;

/// <summary>Finds the repository's source files from the test's output folder (tests run from a checkout, locally and in CI).</summary>
internal static class SourceTree
{
    /// <summary>Gets the repository root: the nearest folder above the test binaries holding <c>AuthClient.sln</c>.</summary>
    public static DirectoryInfo Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root.FullName, .. parts]);

    private static DirectoryInfo FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AuthClient.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException($"No AuthClient.sln above {AppContext.BaseDirectory}.");
    }
}
