namespace Clerk.Generated.Generator.Tests.Support;

/// <summary>
/// One spec as a consumer declares it: <c>&lt;AdditionalFiles Include="…" ClerkSpec="true" ClerkNamespace="…" /&gt;</c>.
/// Null metadata is metadata the consumer did not set.
/// </summary>
internal sealed record SpecItem(
    string Path,
    string Text,
    string? ClerkSpec = "true",
    string? Namespace = null,
    string? Tags = null,
    string? TypeVisibility = null)
{
    /// <summary>A fixture from Fixtures/, under its real path so diagnostics name the file a reader can open.</summary>
    public static SpecItem Fixture(string fileName, string? @namespace = null, string? tags = null, string? typeVisibility = null)
    {
        var path = System.IO.Path.Combine(RepositoryPaths.FixturesDir, fileName);
        return new SpecItem(path, File.ReadAllText(path), "true", @namespace, tags, typeVisibility);
    }

    /// <summary>The metadata as the compiler exposes it to generators (build_metadata.AdditionalFiles.*).</summary>
    public IReadOnlyDictionary<string, string> BuildMetadata()
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        Add("ClerkSpec", ClerkSpec);
        Add("ClerkNamespace", Namespace);
        Add("ClerkTags", Tags);
        Add("ClerkTypeVisibility", TypeVisibility);
        return metadata;

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                metadata["build_metadata.AdditionalFiles." + name] = value;
            }
        }
    }
}
