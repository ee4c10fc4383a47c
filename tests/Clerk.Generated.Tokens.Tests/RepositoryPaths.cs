using System.Reflection;

namespace Clerk.Generated.Tokens.Tests;

/// <summary>Finds the repository and ../shared through the metadata the build stamps into this assembly.</summary>
internal static class RepositoryPaths
{
    public static string RepoRoot { get; } = Read("RepoRoot");

    public static string SharedDir { get; } = Read("ClerkSharedDir");

    public static string PeersDir => Path.Combine(RepoRoot, "tests", "peers");

    private static string Read(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
