using System.Reflection;

namespace Clerk.Generated.Webhooks.Tests.Peers;

/// <summary>Where the repository and the shared read-only material are, as stamped into this assembly by the build.</summary>
internal static class RepositoryPaths
{
    public static string RepoRoot => Metadata("RepoRoot");

    public static string SharedDir => Metadata("ClerkSharedDir");

    public static string PeersDir => Path.Combine(RepoRoot, "tests", "peers");

    public static string WebhooksSpec => Path.Combine(SharedDir, "clerk-openapi", "webhooks", "2025-04-15.yml");

    private static string Metadata(string key)
        => typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
               .SingleOrDefault(a => a.Key == key)?.Value
           ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing; build through tests/Directory.Build.props.");
}
