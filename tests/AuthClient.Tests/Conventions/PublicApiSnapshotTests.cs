using AuthClient.Primitives;
using AuthClient.Tests.Support;
using PublicApiGenerator;

namespace AuthClient.Tests.Conventions;

/// <summary>
/// The public API of the AuthClient package, as text, must equal the approved snapshot: any change to the surface is
/// then visible in review. On a difference the test writes <c>PublicApi.received.txt</c> beside the approved file.
/// </summary>
public sealed class PublicApiSnapshotTests
{
    [Fact]
    public void PublicApi_Always_MatchesTheApprovedSnapshot()
    {
        var approvedPath = SourceTree.PathOf("tests", "AuthClient.Tests", "Conventions", "PublicApi.approved.txt");
        var receivedPath = Path.ChangeExtension(approvedPath, null).Replace(".approved", ".received", StringComparison.Ordinal) + ".txt";
        var received = Normalize(typeof(Secret).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute", "System.Runtime.CompilerServices.InternalsVisibleToAttribute"],
        }));
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : string.Empty;

        if (received == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail(
            $"The public API of AuthClient changed. Review the difference, and if it is intended re-approve it:{Environment.NewLine}" +
            $"  diff -u {Rel(approvedPath)} {Rel(receivedPath)}{Environment.NewLine}" +
            $"  mv {Rel(receivedPath)} {Rel(approvedPath)}{Environment.NewLine}" +
            "then commit the approved file.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";

    private static string Rel(string path) => Path.GetRelativePath(SourceTree.Root.FullName, path);
}
