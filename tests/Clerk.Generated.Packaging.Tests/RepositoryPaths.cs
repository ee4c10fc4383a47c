using System.Reflection;

namespace Clerk.Generated.Packaging.Tests;

/// <summary>Finds the repository and the pinned spec through the metadata the build stamps into this assembly.</summary>
internal static class RepositoryPaths
{
    public static string RepoRoot { get; } = Read("RepoRoot");

    /// <summary>The Clerk Backend API spec the build resolved (the shared copy, or the pinned download).</summary>
    public static string SpecFile { get; } = Read("ClerkSpecFile");

    public static string PackagingProject => Path.Combine(RepoRoot, "packaging", "Clerk.Generated", "Clerk.Generated.csproj");

    public static string RuntimeProject => Path.Combine(RepoRoot, "runtime", "Clerk.Generated.Runtime", "Clerk.Generated.Runtime.csproj");

    public static string PropsFile => Path.Combine(RepoRoot, "spec", "build", "Clerk.Generated.props");

    public static string TargetsFile => Path.Combine(RepoRoot, "spec", "build", "Clerk.Generated.targets");

    private static string Read(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
