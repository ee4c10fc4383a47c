using System.Collections;
using System.Text.Json;
using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Clerk.Generated.Generator.Tests;

/// <summary>
/// The product itself: Clerk's whole Backend API spec (2026-05-12) through the generator, compiled in memory with
/// nullable on and every warning an error, counted against the spec, and its public surface snapshotted.
/// </summary>
public sealed class RealSpecTests
{
    private const int SpecOperations = 249;
    private const int SpecComponentSchemas = 167;

    /// <summary>Component schemas that map to hand-written runtime types on purpose.</summary>
    private static readonly string[] RuntimeSchemas = ["ClerkError", "ClerkErrors"];

    /// <summary>
    /// Component schemas that are arrays, maps or plain strings: they are used as <c>IReadOnlyList&lt;T&gt;</c>,
    /// <c>IReadOnlyDictionary&lt;string, T&gt;</c> or <c>string</c> where they appear, not wrapped in a type of their own.
    /// </summary>
    private static readonly string[] AliasSchemas = ["DirectoryGroupRoleMappings", "Directories", "OAuthAccessToken", "PasswordHasher", "ReassignmentMappings", "SCIMDirectories", "SCIMGroupRoleMappings"];

    /// <summary>Component schemas that become a generated model, enum or union.</summary>
    internal const int GeneratedComponentTypes = 158;

    [Test]
    public void Generation_raises_no_exception_and_no_diagnostic()
    {
        var run = RealSpec.Run;

        Assert.That(run.Exception, Is.Null);
        Assert.That(run.DiagnosticSummaries(), Is.Empty, FixtureSnapshotTests.DescribeAll(run));
    }

    [Test]
    public void Generated_client_compiles_with_zero_warnings()
    {
        var diagnostics = RealSpec.Run.CompileDiagnostics();

        Assert.That(diagnostics.Select(d => d.ToString()).Take(50), Is.Empty, $"{diagnostics.Count} diagnostics");
    }

    [Test]
    public void The_spec_really_has_the_numbers_this_test_expects()
    {
        using var spec = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.RealSpecJson));
        var methods = new[] { "get", "put", "post", "delete", "options", "head", "patch", "trace" };
        var operations = spec.RootElement.GetProperty("paths").EnumerateObject()
            .Sum(path => path.Value.EnumerateObject().Count(o => methods.Contains(o.Name)));

        Assert.That(operations, Is.EqualTo(SpecOperations));
        Assert.That(spec.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().Count(), Is.EqualTo(SpecComponentSchemas));
    }

    [Test]
    public void ClerkEndpoints_All_lists_every_operation_once()
    {
        var endpoints = RealSpec.Assembly.GetType("Clerk.Generated.ClerkEndpoints", throwOnError: true)!;
        var all = (IEnumerable)endpoints.GetProperty("All")!.GetValue(null)!;
        var items = all.Cast<global::Clerk.Generated.Http.ClerkEndpoint>().ToList();

        Assert.That(items, Has.Count.EqualTo(SpecOperations));
        Assert.That(items.Select(e => e.OperationId).Distinct().Count(), Is.EqualTo(SpecOperations));
        Assert.That(items.Select(e => e.Method + " " + e.PathTemplate).Distinct().Count(), Is.EqualTo(SpecOperations));
        Assert.That(RealSpec.Model.Groups.Sum(g => g.Operations.Count), Is.EqualTo(SpecOperations), "each operation in exactly one group");
    }

    [Test]
    public void Every_component_schema_becomes_one_generated_type_except_the_runtime_ones()
    {
        using var spec = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.RealSpecJson));
        var schemas = spec.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(p => p.Name).ToList();
        var generated = RealSpec.Model.Types
            .Where(t => t.SchemaPointer.StartsWith("#/components/schemas/", StringComparison.Ordinal) && t.SchemaPointer.Count(c => c == '/') == 3)
            .ToList();

        var missing = schemas.Where(s => generated.All(t => t.SchemaPointer != "#/components/schemas/" + s)).Order(StringComparer.Ordinal);
        Assert.That(missing, Is.EqualTo(RuntimeSchemas.Concat(AliasSchemas).Order(StringComparer.Ordinal)));
        Assert.That(generated, Has.Count.EqualTo(SpecComponentSchemas - RuntimeSchemas.Length - AliasSchemas.Length));
        Assert.That(generated, Has.Count.EqualTo(GeneratedComponentTypes));
        Assert.That(generated.Select(t => t.Name).Distinct().Count(), Is.EqualTo(generated.Count), "one C# name per schema");

        var byKind = generated.GroupBy(t => t.Kind).ToDictionary(g => g.Key, g => g.Count());
        TestContext.Out.WriteLine($"component types: {string.Join(", ", byKind.Select(k => k.Key + " " + k.Value))}; all types (incl. inline): {RealSpec.Model.Types.Count}");
    }

    [Test]
    public void Every_generated_type_is_in_the_json_context()
    {
        var context = JsonContext();
        var missing = new List<string>();
        foreach (var type in RealSpec.Model.Types.Where(t => !t.IsFormBody))
        {
            var clrType = RealSpec.Assembly.GetType("Clerk.Generated." + type.Name, throwOnError: true)!;
            if (context.GetTypeInfo(clrType) is null)
            {
                missing.Add(type.Name);
            }
        }

        Assert.That(missing, Is.Empty);
    }

    /// <summary>
    /// Generated code is read in IDEs: no line of it is longer than this. Signatures, calls and statements wrap from
    /// <see cref="Emitting.SourceWriter.MaxLineLength"/> (160) on and spec docs at 120; what can still reach this
    /// limit is one declaration whose single fully qualified type is that long (a list of a long-named model).
    /// </summary>
    private const int LongestGeneratedLine = 270;

    [Test]
    public void No_generated_line_is_longer_than_the_documented_limit()
    {
        var tooLong = RealSpec.Run.Sources
            .SelectMany(s => s.Text.Split('\n').Select(line => (s.HintName, Line: line)))
            .Where(l => l.Line.Length > LongestGeneratedLine)
            .Select(l => $"{l.HintName}: {l.Line.Length}: {l.Line.Trim()[..Math.Min(120, l.Line.Trim().Length)]}")
            .ToList();

        Assert.That(tooLong, Is.Empty, $"{tooLong.Count} lines over {LongestGeneratedLine} characters");
    }

    [Test]
    public void Public_api_matches_the_snapshot()
    {
        var lines = PublicApi.Describe(RealSpec.Run.OutputCompilation, "Clerk.Generated");

        Assert.That(lines, Has.Count.GreaterThan(1000));
        Snapshot.MatchFile("PublicApi", "ClerkApi.txt", string.Join("\n", lines) + "\n");
    }

    [Test]
    public void Public_api_description_is_deterministic()
    {
        var again = GeneratorHarness.Run(new[] { RealSpec.Item }, GeneratorHarness.ConsumerSource, trackSteps: false);

        Assert.That(PublicApi.Describe(again.OutputCompilation, "Clerk.Generated"), Is.EqualTo(PublicApi.Describe(RealSpec.Run.OutputCompilation, "Clerk.Generated")));
        Assert.That(again.Sources, Is.EqualTo(RealSpec.Run.Sources), "the generated text itself is deterministic");
    }

    internal static System.Text.Json.Serialization.JsonSerializerContext JsonContext()
    {
        var contextType = RealSpec.Assembly.GetType("Clerk.Generated.ClerkJsonContext", throwOnError: true)!;
        return (System.Text.Json.Serialization.JsonSerializerContext)contextType.GetProperty("Default")!.GetValue(null)!;
    }
}
