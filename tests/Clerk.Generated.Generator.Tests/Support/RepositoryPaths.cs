using System.Reflection;

namespace Clerk.Generated.Generator.Tests.Support;

/// <summary>
/// Where the repository and the shared read-only material are, from the assembly metadata the build stamps in
/// (never guessed from the working directory, which differs between IDEs, <c>dotnet test</c> and CI).
/// </summary>
internal static class RepositoryPaths
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string SharedDir { get; } = Metadata("ClerkSharedDir");

    /// <summary>The source folder of this test project (snapshots and fixtures live there, not in bin/).</summary>
    public static string ProjectDir { get; } = Path.Combine(RepoRoot, "tests", "Clerk.Generated.Generator.Tests");

    public static string FixturesDir { get; } = Path.Combine(ProjectDir, "Fixtures");

    public static string SnapshotsDir { get; } = Path.Combine(ProjectDir, "Snapshots");

    /// <summary>The real Clerk Backend API spec the product is generated from.</summary>
    public static string RealSpecYaml { get; } = Path.Combine(SharedDir, "clerk-openapi", "bapi", "2026-05-12.yml");

    /// <summary>Clerk's webhook events spec.</summary>
    public static string WebhooksSpecYaml { get; } = Path.Combine(SharedDir, "clerk-openapi", "webhooks", "2025-04-15.yml");

    /// <summary>The same spec as JSON, which the example round-trip reads with System.Text.Json.</summary>
    public static string RealSpecJson { get; } = Path.Combine(SharedDir, "clerk-openapi", "bapi", "2026-05-12.json");

    private static string Metadata(string key)
    {
        var value = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value;
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException($"The test assembly has no '{key}' metadata; tests/Directory.Build.props stamps it.");
        }

        return Path.GetFullPath(value);
    }
}
