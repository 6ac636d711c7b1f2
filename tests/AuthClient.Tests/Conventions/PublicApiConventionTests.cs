using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AuthClient.Primitives;
using AuthClient.Tests.Support;

namespace AuthClient.Tests.Conventions;

/// <summary>Keeps the public surface deliberate: naming, sealing and layout rules checked by reflection over every public type.</summary>
public sealed partial class PublicApiConventionTests
{
    private static readonly Assembly Library = typeof(Secret).Assembly;

    // Designed for inheritance: the exception hierarchy (catch the base, or a status family) and the body-less response
    // record that WeavrResponse<T> extends. Adding a type here is a design decision.
    private static readonly HashSet<string> Inheritable =
    [
        "AuthClient.Errors.AuthClientException",
        "AuthClient.Errors.AuthClientApiException",
        "AuthClient.Errors.AuthClientTransportException",
        "AuthClient.Errors.AuthClientInvalidResponseException",
        "AuthClient.Errors.WeavrApiException",
        "AuthClient.Errors.WeavrConflictException",
        "AuthClient.Sessions.WeavrSessionException",
        "AuthClient.Weavr.WeavrResponse",
    ];

    private static IEnumerable<Type> PublicTypes => Library.GetExportedTypes();

    [Fact]
    public void PublicAsyncMethods_Always_EndInAsyncAndTakeACancellationTokenLast()
    {
        var offenders = new List<string>();
        foreach (var method in PublicTypes.SelectMany(DeclaredPublicMethods).Where(IsAsync))
        {
            if (method.Name == nameof(IAsyncDisposable.DisposeAsync) && method.GetParameters().Length == 0)
            {
                continue; // IAsyncDisposable's contract has no token.
            }

            var parameters = method.GetParameters();
            if (!method.Name.EndsWith("Async", StringComparison.Ordinal))
            {
                offenders.Add($"{Describe(method)}: name does not end in Async");
            }

            if (parameters.Length == 0 || parameters[^1].ParameterType != typeof(CancellationToken))
            {
                offenders.Add($"{Describe(method)}: last parameter is not a CancellationToken");
            }
            else if (parameters[^1].Name != "cancellationToken")
            {
                offenders.Add($"{Describe(method)}: the token parameter is not named cancellationToken");
            }

            if (parameters.Count(p => p.ParameterType == typeof(CancellationToken)) > 1)
            {
                offenders.Add($"{Describe(method)}: more than one CancellationToken");
            }
        }

        Assert.True(offenders.Count == 0, "Async convention broken:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void PublicSynchronousMethods_Never_EndInAsync()
    {
        var offenders = PublicTypes.SelectMany(DeclaredPublicMethods)
            .Where(m => !IsAsync(m) && m.Name.EndsWith("Async", StringComparison.Ordinal))
            .Select(Describe)
            .ToList();

        Assert.True(offenders.Count == 0, "Synchronous methods named Async:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void PublicClasses_UnlessDesignedForInheritance_AreSealedOrStaticOrAbstract()
    {
        var offenders = PublicTypes
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !Inheritable.Contains(t.FullName!))
            .Select(t => t.FullName!)
            .ToList();

        Assert.True(offenders.Count == 0, "Seal these, or add them to the allow-list if designed for inheritance:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void InheritableAllowList_OnlyNamesPublicUnsealedClasses()
    {
        foreach (var name in Inheritable)
        {
            var type = Library.GetType(name);
            Assert.True(type is { IsPublic: true, IsClass: true, IsSealed: false }, $"{name} is no longer a public unsealed class: drop it from the allow-list.");
        }
    }

    [Fact]
    public void PublicTypes_Always_LiveInTheFolderOfTheirNamespace()
    {
        var src = new DirectoryInfo(SourceTree.PathOf("src", "AuthClient"));
        var offenders = new List<string>();
        foreach (var type in PublicTypes.Where(t => t.DeclaringType is null))
        {
            var ns = type.Namespace ?? string.Empty;
            if (ns != "AuthClient" && !ns.StartsWith("AuthClient.", StringComparison.Ordinal))
            {
                offenders.Add($"{type.FullName}: namespace outside AuthClient");
                continue;
            }

            var folder = Path.Combine([src.FullName, .. ns.Split('.').Skip(1)]);
            var name = type.Name.Split('`')[0];
            var declaration = new Regex($@"\b(class|record|struct|interface|enum|delegate)\s+(\S+\s+)?{Regex.Escape(name)}\b");
            var declared = Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.cs", SearchOption.TopDirectoryOnly)
                .Any(f => Path.GetFileName(f).StartsWith(name, StringComparison.Ordinal) && declaration.IsMatch(File.ReadAllText(f)));
            if (!declared)
            {
                offenders.Add($"{type.FullName}: no {name}*.cs declaring it in {Path.GetRelativePath(SourceTree.Root.FullName, folder)}");
            }
        }

        Assert.True(offenders.Count == 0, "Folder = namespace, file = type:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void SourceFiles_Always_DeclareTheNamespaceOfTheirFolder()
    {
        var src = SourceTree.PathOf("src", "AuthClient");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, Path.GetDirectoryName(file)!);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            var expected = relative == "." ? "AuthClient" : "AuthClient." + relative.Replace(Path.DirectorySeparatorChar, '.');
            var declared = FileScopedNamespace().Match(File.ReadAllText(file));
            if (!declared.Success || declared.Groups[1].Value != expected)
            {
                offenders.Add($"{Path.GetRelativePath(src, file)}: namespace {(declared.Success ? declared.Groups[1].Value : "(none)")}, expected {expected}");
            }
        }

        Assert.True(offenders.Count == 0, "Namespace differs from folder:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void PublicExceptions_Always_DeriveFromAuthClientException()
    {
        var offenders = PublicTypes
            .Where(t => typeof(Exception).IsAssignableFrom(t) && !typeof(AuthClient.Errors.AuthClientException).IsAssignableFrom(t))
            .Select(t => t.FullName!)
            .ToList();

        Assert.Empty(offenders);
    }

    private static IEnumerable<MethodInfo> DeclaredPublicMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetCustomAttribute<CompilerGeneratedAttribute>() is null);

    private static bool IsAsync(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type == typeof(Task) || type == typeof(ValueTask))
        {
            return true;
        }

        if (!type.IsGenericType)
        {
            return false;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>);
    }

    private static string Describe(MethodInfo method) => $"{method.DeclaringType!.FullName}.{method.Name}";

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();
}
