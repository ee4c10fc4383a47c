using System.IO.Compression;
using System.Security.Cryptography;
using System.Xml.Linq;

namespace Clerk.Generated.Packaging.Tests;

/// <summary>What is inside Clerk.Generated.&lt;version&gt;.nupkg, file by file.</summary>
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

    [Test]
    public void Analyzer_folder_holds_the_generator_and_exactly_its_three_dependencies()
    {
        using var package = PackedPackage.Current.Open();
        var analyzers = FileNamesUnder(package, "analyzers/");

        Assert.That(analyzers, Is.EquivalentTo(new[]
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
        using var package = PackedPackage.Current.Open();
        var forbidden = package.Entries
            .Select(e => e.FullName)
            .Where(name => name.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)
                || name.Contains("System.Collections.Immutable", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.That(forbidden, Is.Empty);
    }

    [TestCaseSource(nameof(GeneratorDependencies))]
    public void Generator_dependency_is_the_exact_pinned_build((string Id, string Version, string Dll) dependency)
    {
        var original = Path.Combine(
            PackedPackage.GlobalPackagesFolder(), dependency.Id.ToLowerInvariant(), dependency.Version, "lib", "netstandard2.0", dependency.Dll);
        Assert.That(File.Exists(original), Is.True, $"{original} is restored by the pack; it should be in the NuGet cache.");

        using var package = PackedPackage.Current.Open();
        var packed = package.GetEntry(AnalyzerFolder + dependency.Dll);

        Assert.That(packed, Is.Not.Null);
        Assert.That(Sha256(packed!), Is.EqualTo(Sha256(File.ReadAllBytes(original))),
            $"{dependency.Dll} in the package is not the one from {dependency.Id} {dependency.Version}.");
    }

    [Test]
    public void Lib_folder_holds_the_runtime_for_net10_with_its_documentation()
    {
        using var package = PackedPackage.Current.Open();

        Assert.That(FileNamesUnder(package, "lib/"), Is.EquivalentTo(new[]
        {
            "lib/net10.0/Clerk.Generated.Runtime.dll",
            "lib/net10.0/Clerk.Generated.Runtime.xml",
        }));
    }

    [TestCase("build/Clerk.Generated.props")]
    [TestCase("buildTransitive/Clerk.Generated.props")]
    public void Props_are_shipped_unchanged_and_make_the_spec_metadata_visible_to_the_compiler(string path)
    {
        using var package = PackedPackage.Current.Open();
        var entry = package.GetEntry(path);
        Assert.That(entry, Is.Not.Null, $"{path} is missing.");

        using var reader = new StreamReader(entry!.Open());
        var text = reader.ReadToEnd();
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
        using var package = PackedPackage.Current.Open();

        Assert.That(FileNamesUnder(package, folder), Is.EquivalentTo(new[] { folder + "Clerk.Generated.props", folder + "Clerk.Generated.targets" }));
        using var reader = new StreamReader(package.GetEntry(folder + "Clerk.Generated.targets")!.Open());
        Assert.That(reader.ReadToEnd(), Is.EqualTo(File.ReadAllText(RepositoryPaths.TargetsFile)));
    }

    [Test]
    public void Package_depends_on_exactly_the_runtime_packages_at_their_central_versions()
    {
        var centralVersions = XDocument.Load(Path.Combine(RepositoryPaths.RepoRoot, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        var expected = XDocument.Load(RepositoryPaths.RuntimeProject)
            .Descendants("PackageReference")
            .Select(e => (string)e.Attribute("Include")!)
            .Select(id => $"{id} {centralVersions[id]}")
            .ToList();

        using var package = PackedPackage.Current.Open();
        var groups = Nuspec(package).Descendants().Where(e => e.Name.LocalName == "group").ToList();
        Assert.That(groups.Select(g => (string?)g.Attribute("targetFramework")), Is.EqualTo(new[] { "net10.0" }));
        var actual = groups[0].Elements()
            .Select(e => $"{(string?)e.Attribute("id")} {(string?)e.Attribute("version")}")
            .ToList();

        Assert.That(actual, Is.EquivalentTo(expected));
    }

    [Test]
    public void Nuspec_names_the_package_and_the_version_it_was_packed_as()
    {
        using var package = PackedPackage.Current.Open();
        var metadata = Nuspec(package).Descendants().Single(e => e.Name.LocalName == "metadata");

        Assert.Multiple(() =>
        {
            Assert.That(metadata.Elements().Single(e => e.Name.LocalName == "id").Value, Is.EqualTo("Clerk.Generated"));
            Assert.That(metadata.Elements().Single(e => e.Name.LocalName == "version").Value, Is.EqualTo(PackedPackage.Current.Version));
            Assert.That(metadata.Elements().Single(e => e.Name.LocalName == "description").Value, Is.Not.Empty);
        });
    }

    private static List<string> FileNamesUnder(ZipArchive package, string prefix) =>
        package.Entries.Select(e => e.FullName).Where(name => name.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private static XDocument Nuspec(ZipArchive package)
    {
        var entry = package.Entries.Single(e => e.FullName == "Clerk.Generated.nuspec");
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    private static string Sha256(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
