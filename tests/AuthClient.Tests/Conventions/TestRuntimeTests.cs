using System.Reflection;
using System.Runtime.Versioning;

namespace AuthClient.Tests.Conventions;

/// <summary>
/// The suites run once per target framework of the packages (tests/Directory.Build.props): each leg must run on its own
/// runtime, not roll forward to a newer one, or the net8.0 leg would test nothing the net10.0 leg does not.
/// </summary>
public sealed class TestRuntimeTests
{
    [Fact]
    public void Suite_Always_RunsOnTheRuntimeOfItsTargetFramework()
    {
        // This assembly's framework: AppContext.TargetFrameworkName is the test host's, not the suite's.
        var target = new FrameworkName(typeof(TestRuntimeTests).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);

        Assert.Equal(".NETCoreApp", target.Identifier);
        Assert.Equal(target.Version.Major, Environment.Version.Major);
    }
}
