using System.Reflection;

namespace Clerk.Generated.Conformance.Tests.Prism;

/// <summary>Where the repository and the shared read-only material are, as stamped into this assembly at build time.</summary>
public static class RepositoryPaths
{
    private static string Metadata(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing; tests/Directory.Build.props stamps it.");

    public static string RepoRoot => Metadata("RepoRoot");

    public static string SharedDir => Metadata("ClerkSharedDir");

    public static string PeersDir => Path.Combine(RepoRoot, "tests", "peers");

    public static string SpecYaml => Path.Combine(SharedDir, "clerk-openapi", "bapi", "2026-05-12.yml");

    public static string SpecJson => Path.Combine(SharedDir, "clerk-openapi", "bapi", "2026-05-12.json");
}
