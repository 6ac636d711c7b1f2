namespace AuthClient.Tests.Support;

/// <summary>
/// A test of the Native AOT sample's published binary. It runs when <see cref="BinaryVariable"/> names the binary (CI
/// sets it right after <c>dotnet publish</c>) and is reported as skipped otherwise: publishing natively takes minutes,
/// too long for every <c>dotnet test</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class AotSampleFactAttribute : FactAttribute
{
    public const string BinaryVariable = "AUTHCLIENT_AOT_SAMPLE";

    public AotSampleFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(BinaryVariable)))
        {
            Skip = $"Set {BinaryVariable} to the published samples/AuthClient.Samples.Aot binary (.ci/run does).";
        }
    }
}
