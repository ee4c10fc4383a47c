using System.Reflection;

namespace Clerk.Generated.Packaging.Tests;

/// <summary>Finds the repository and the pinned spec through the metadata the build stamps into this assembly.</summary>
internal static class RepositoryPaths
{
    public static string RepoRoot { get; } = Read("RepoRoot");

    /// <summary>The read-only folder beside the repository (Clerk's specs).</summary>
    public static string SharedDir { get; } = Read("ClerkSharedDir");

    /// <summary>The Clerk Backend API spec the build resolved (the shared copy, or the pinned download).</summary>
    public static string SpecFile { get; } = Read("ClerkSpecFile");

    public static string RuntimeProject => Path.Combine(RepoRoot, "runtime", "Clerk.Generated.Runtime", "Clerk.Generated.Runtime.csproj");

    public static string PropsFile => Path.Combine(RepoRoot, "spec", "build", "Clerk.Generated.props");

    public static string TargetsFile => Path.Combine(RepoRoot, "spec", "build", "Clerk.Generated.targets");

    /// <summary>The documentation a user reads: README.md and docs/*.md.</summary>
    public static IEnumerable<string> Documentation =>
        new[] { Path.Combine(RepoRoot, "README.md") }.Concat(Directory.EnumerateFiles(Path.Combine(RepoRoot, "docs"), "*.md"));

    private static string Read(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
