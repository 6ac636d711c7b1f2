namespace AuthClient.Weavr;

/// <summary>A named Weavr Multi deployment; set <see cref="WeavrOptions.Environment"/> (or <c>Weavr:Environment</c> in
/// configuration) instead of spelling out the base URL.</summary>
public enum WeavrEnvironment
{
    /// <summary>The sandbox, <see cref="WeavrEnvironments.Sandbox"/> (the default).</summary>
    Sandbox,

    /// <summary>Production, <see cref="WeavrEnvironments.Production"/>.</summary>
    Production,

    /// <summary>Weavr's hosted mock, <see cref="WeavrEnvironments.Mock"/>.</summary>
    Mock,
}
