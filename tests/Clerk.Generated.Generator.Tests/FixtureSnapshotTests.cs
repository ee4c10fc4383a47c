using Clerk.Generated.Generator.Tests.Support;

namespace Clerk.Generated.Generator.Tests;

/// <summary>
/// One small spec per construct: the generated source must match its golden files, the generator must report
/// exactly the diagnostics expected for the fixture (id and one-based line:column in the fixture file), and the
/// output must compile cleanly with nullable on and warnings as errors.
/// </summary>
public sealed class FixtureSnapshotTests
{
    /// <summary>Each well-formed fixture and the diagnostics it must produce (most: none).</summary>
    private static readonly Dictionary<string, string[]> Fixtures = new(StringComparer.Ordinal)
    {
        ["unions.yml"] = [],
        ["open-enums.yml"] = [],
        ["nullable-refs.yml"] = [],
        ["patch-tristate.yml"] = [],
        ["multipart.yml"] = [],
        ["form-bodies.yml"] = [],
        // Plan_2 collides with Plan-2; the schema ClerkClient collides with the generated client (keys at line:column).
        ["name-collisions.yml"] = ["CLERKGEN005 @ 76:5", "CLERKGEN005 @ 82:5"],
        ["maps.yml"] = [],
        ["empty-responses.yml"] = [],
        ["deprecated.yml"] = [],
        ["pagination.yml"] = [],
        ["settings.yml"] = [],
        ["frontend-api.yml"] = [],
        ["platform-api.yml"] = [],
    };

    public static IEnumerable<string> FixtureNames => Fixtures.Keys;

    [TestCaseSource(nameof(FixtureNames))]
    public void Generated_source_matches_the_snapshot(string fixture)
    {
        var run = GeneratorHarness.Run(SpecItem.Fixture(fixture, @namespace: "Fixtures." + SnapshotName(fixture)));

        Assert.That(run.Exception, Is.Null);
        Assert.That(run.Sources, Is.Not.Empty);
        Snapshot.Match(SnapshotName(fixture), run.Sources);
    }

    [TestCaseSource(nameof(FixtureNames))]
    public void Reports_exactly_the_expected_diagnostics(string fixture)
    {
        var run = GeneratorHarness.Run(SpecItem.Fixture(fixture));

        Assert.That(run.DiagnosticSummaries(), Is.EqualTo(Fixtures[fixture]), DescribeAll(run));
        Assert.That(run.Diagnostics.Select(d => d.Location.GetLineSpan().Path).Distinct(),
            Is.All.EqualTo(Path.Combine(RepositoryPaths.FixturesDir, fixture)), "diagnostics point into the fixture file");
    }

    [TestCaseSource(nameof(FixtureNames))]
    public void Generated_code_compiles_without_warnings(string fixture)
    {
        var run = GeneratorHarness.Run(SpecItem.Fixture(fixture));

        Assert.That(run.CompileDiagnostics().Select(d => d.ToString()), Is.Empty);
    }

    internal static string SnapshotName(string fixture) =>
        string.Concat(Path.GetFileNameWithoutExtension(fixture).Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    internal static string DescribeAll(GeneratorRun run) =>
        string.Join(Environment.NewLine, run.Diagnostics.Select(d => GeneratorRun.Describe(d) + " " + d.GetMessage()));
}
