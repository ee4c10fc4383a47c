using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Xml.Linq;

namespace Clerk.Generated.Packaging.Tests;

/// <summary>What `dotnet pack` at the root produces, package by package and file by file.</summary>
public sealed class PackageLayoutTests
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs/";

    /// <summary>The generator's own dependencies, at the exact versions it was built and tested against.</summary>
    private static readonly (string Id, string Version, string Dll)[] GeneratorDependencies =
    [
        ("Microsoft.OpenApi.Readers", "1.6.31", "Microsoft.OpenApi.Readers.dll"),
        ("Microsoft.OpenApi", "1.6.31", "Microsoft.OpenApi.dll"),
        ("SharpYaml", "2.1.5", "SharpYaml.dll"),
    ];

    /// <summary>Each package's lib/ assembly.</summary>
    private static readonly (string Id, string Assembly)[] Libraries =
    [
        ("Clerk.Generated", "Clerk.Generated.Runtime"),
        ("Clerk.Generated.AspNetCore", "Clerk.Generated.AspNetCore"),
        ("Clerk.Generated.Testing", "Clerk.Generated.Testing"),
        ("Clerk.Generated.Redis", "Clerk.Generated.Redis"),
    ];

    [Test]
    public void The_root_pack_produces_exactly_the_documented_packages_and_their_symbol_packages()
    {
        var produced = Directory.EnumerateFiles(PackedFeed.Current.FeedDirectory).Select(Path.GetFileName).ToList();
        var expected = PackedFeed.PackageIds.SelectMany(id => new[]
        {
            $"{id}.{PackedFeed.Current.Version}.nupkg",
            $"{id}.{PackedFeed.Current.Version}.snupkg",
        });

        Assert.That(produced, Is.EquivalentTo(expected), PackedFeed.Current.PackOutput);
    }

    [Test]
    public void No_file_is_shipped_by_two_packages()
    {
        var owners = PackedFeed.PackageIds
            .SelectMany(id =>
            {
                using var package = PackedFeed.Current.Open(id);
                return package.Entries.Select(e => e.FullName)
                    .Where(name => name.StartsWith("lib/", StringComparison.Ordinal) || name.StartsWith("analyzers/", StringComparison.Ordinal))
                    .Select(name => (Name: Path.GetFileName(name), Id: id))
                    .ToList();
            })
            .GroupBy(file => file.Name)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(f => f.Id))}")
            .ToList();

        Assert.That(owners, Is.Empty);
    }

    [Test]
    public void Analyzer_folder_holds_the_generator_and_exactly_its_three_dependencies()
    {
        using var package = PackedFeed.Current.Open("Clerk.Generated");

        Assert.That(FileNamesUnder(package, "analyzers/"), Is.EquivalentTo(new[]
        {
            AnalyzerFolder + "Clerk.Generated.Generator.dll",
            AnalyzerFolder + "Microsoft.OpenApi.Readers.dll",
            AnalyzerFolder + "Microsoft.OpenApi.dll",
            AnalyzerFolder + "SharpYaml.dll",
        }));
    }

    [Test]
    public void Nothing_the_compiler_provides_is_packed()
    {
        var forbidden = PackedFeed.PackageIds
            .SelectMany(id =>
            {
                using var package = PackedFeed.Current.Open(id);
                return package.Entries.Select(e => $"{id}: {e.FullName}").ToList();
            })
            .Where(name => name.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)
                || name.Contains("System.Collections.Immutable", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.That(forbidden, Is.Empty);
    }

    [TestCaseSource(nameof(GeneratorDependencies))]
    public void Generator_dependency_is_the_exact_pinned_build((string Id, string Version, string Dll) dependency)
    {
        var original = Path.Combine(
            PackedFeed.GlobalPackagesFolder(), dependency.Id.ToLowerInvariant(), dependency.Version, "lib", "netstandard2.0", dependency.Dll);
        Assert.That(File.Exists(original), Is.True, $"{original} is restored by the pack; it should be in the NuGet cache.");

        using var package = PackedFeed.Current.Open("Clerk.Generated");
        var packed = package.GetEntry(AnalyzerFolder + dependency.Dll);

        Assert.That(packed, Is.Not.Null);
        Assert.That(Sha256(packed!), Is.EqualTo(Sha256(File.ReadAllBytes(original))),
            $"{dependency.Dll} in the package is not the one from {dependency.Id} {dependency.Version}.");
    }

    [TestCaseSource(nameof(Libraries))]
    public void Lib_folder_holds_the_library_for_net10_with_its_documentation((string Id, string Assembly) library)
    {
        using var package = PackedFeed.Current.Open(library.Id);

        Assert.That(FileNamesUnder(package, "lib/"), Is.EquivalentTo(new[]
        {
            $"lib/net10.0/{library.Assembly}.dll",
            $"lib/net10.0/{library.Assembly}.xml",
        }));
    }

    [TestCaseSource(nameof(Libraries))]
    public void Symbol_package_holds_the_portable_pdb_of_the_shipped_dll((string Id, string Assembly) library)
    {
        using var symbols = PackedFeed.Current.Open(library.Id, "snupkg");
        Assert.That(FileNamesUnder(symbols, "lib/"), Is.EqualTo(new[] { $"lib/net10.0/{library.Assembly}.pdb" }));

        // The pdb belongs to this very dll: the dll's CodeView debug entry names the pdb's id.
        using var package = PackedFeed.Current.Open(library.Id);
        using var dll = new PEReader(new MemoryStream(ReadAll(package.GetEntry($"lib/net10.0/{library.Assembly}.dll")!)));
        var codeView = dll.ReadCodeViewDebugDirectoryData(dll.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView));
        using var pdb = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(ReadAll(symbols.GetEntry($"lib/net10.0/{library.Assembly}.pdb")!)));
        var pdbId = new BlobContentId(pdb.GetMetadataReader().DebugMetadataHeader!.Id);

        Assert.Multiple(() =>
        {
            Assert.That(pdbId.Guid, Is.EqualTo(codeView.Guid));
            Assert.That(dll.ReadDebugDirectory().Any(e => e.Type == DebugDirectoryEntryType.Reproducible),
                Is.True, "The dll was not built deterministically (no Reproducible debug entry).");
        });
    }

    [TestCase("build/Clerk.Generated.props")]
    [TestCase("buildTransitive/Clerk.Generated.props")]
    public void Props_are_shipped_unchanged_and_make_the_spec_metadata_visible_to_the_compiler(string path)
    {
        using var package = PackedFeed.Current.Open("Clerk.Generated");
        var entry = package.GetEntry(path);
        Assert.That(entry, Is.Not.Null, $"{path} is missing.");

        var text = ReadText(entry!);
        Assert.That(text, Is.EqualTo(File.ReadAllText(RepositoryPaths.PropsFile)));

        var visible = XDocument.Parse(text).Descendants("CompilerVisibleItemMetadata")
            .Where(e => (string?)e.Attribute("Include") == "AdditionalFiles")
            .Select(e => (string?)e.Attribute("MetadataName"))
            .ToList();
        Assert.That(visible, Is.EquivalentTo(new[] { "ClerkSpec", "ClerkNamespace", "ClerkTags", "ClerkTypeVisibility" }));
    }

    [TestCase("build/")]
    [TestCase("buildTransitive/")]
    public void Build_folders_hold_the_props_and_targets_unchanged(string folder)
    {
        using var package = PackedFeed.Current.Open("Clerk.Generated");

        Assert.That(FileNamesUnder(package, folder), Is.EquivalentTo(new[] { folder + "Clerk.Generated.props", folder + "Clerk.Generated.targets" }));
        Assert.That(ReadText(package.GetEntry(folder + "Clerk.Generated.targets")!), Is.EqualTo(File.ReadAllText(RepositoryPaths.TargetsFile)));
    }

    [Test]
    public void Clerk_Generated_depends_on_exactly_the_runtime_packages_at_their_central_versions()
    {
        var centralVersions = XDocument.Load(Path.Combine(RepositoryPaths.RepoRoot, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        var expected = XDocument.Load(RepositoryPaths.RuntimeProject)
            .Descendants("PackageReference")
            .Select(e => (string)e.Attribute("Include")!)
            .Select(id => $"{id} {centralVersions[id]}")
            .ToList();

        Assert.That(Dependencies("Clerk.Generated"), Is.EquivalentTo(expected));
    }

    [TestCase("Clerk.Generated.AspNetCore")]
    [TestCase("Clerk.Generated.Testing")]
    public void Companion_package_takes_the_runtime_from_Clerk_Generated_at_the_same_version(string id)
    {
        Assert.That(Dependencies(id), Is.EqualTo(new[] { $"Clerk.Generated {PackedFeed.Current.Version}" }));
    }

    [Test]
    public void Redis_package_takes_the_runtime_from_Clerk_Generated_and_Redis_at_the_central_versions()
    {
        var central = XDocument.Load(Path.Combine(RepositoryPaths.RepoRoot, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);

        Assert.That(Dependencies("Clerk.Generated.Redis"), Is.EquivalentTo(new[]
        {
            $"Clerk.Generated {PackedFeed.Current.Version}",
            $"Microsoft.Extensions.Caching.StackExchangeRedis {central["Microsoft.Extensions.Caching.StackExchangeRedis"]}",
            $"StackExchange.Redis {central["StackExchange.Redis"]}",
        }));
    }

    [Test]
    public void AspNetCore_package_references_the_shared_framework()
    {
        using var package = PackedFeed.Current.Open("Clerk.Generated.AspNetCore");
        var references = Nuspec(package).Descendants().Where(e => e.Name.LocalName == "frameworkReference")
            .Select(e => (string?)e.Attribute("name"));

        Assert.That(references, Is.EqualTo(new[] { "Microsoft.AspNetCore.App" }));
    }

    [TestCaseSource(typeof(PackedFeed), nameof(PackedFeed.PackageIds))]
    public void Nuspec_carries_what_a_feed_shows(string id)
    {
        using var package = PackedFeed.Current.Open(id);
        var metadata = Nuspec(package).Descendants().Single(e => e.Name.LocalName == "metadata");
        string? Element(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");

        Assert.Multiple(() =>
        {
            Assert.That(Element("id"), Is.EqualTo(id));
            Assert.That(Element("version"), Is.EqualTo(PackedFeed.Current.Version));
            Assert.That(Element("description"), Is.Not.Empty.And.Not.EqualTo("Package Description"));
            Assert.That(Element("tags"), Does.Contain("clerk"));
            Assert.That((string?)license.Attribute("type"), Is.EqualTo("expression"));
            Assert.That(license.Value, Is.EqualTo("MIT"));
            Assert.That(Element("readme"), Is.EqualTo("README.md"));
            Assert.That(ReadText(package.GetEntry("README.md")!), Is.EqualTo(File.ReadAllText(Path.Combine(RepositoryPaths.RepoRoot, "packaging", "README.md"))));
            Assert.That((string?)repository.Attribute("type"), Is.EqualTo("git"));
        });
    }

    private List<string> Dependencies(string id)
    {
        using var package = PackedFeed.Current.Open(id);
        var groups = Nuspec(package).Descendants().Where(e => e.Name.LocalName == "group" && e.Parent?.Name.LocalName == "dependencies").ToList();
        Assert.That(groups.Select(g => (string?)g.Attribute("targetFramework")), Is.EqualTo(new[] { "net10.0" }));
        return groups[0].Elements()
            .Select(e => $"{(string?)e.Attribute("id")} {(string?)e.Attribute("version")}")
            .ToList();
    }

    private static List<string> FileNamesUnder(ZipArchive package, string prefix) =>
        package.Entries.Select(e => e.FullName).Where(name => name.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private static XDocument Nuspec(ZipArchive package)
    {
        var entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    private static string ReadText(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Sha256(ZipArchiveEntry entry) => Sha256(ReadAll(entry));

    private static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
