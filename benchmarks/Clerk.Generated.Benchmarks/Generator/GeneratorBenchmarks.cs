using System.Reflection;
using BenchmarkDotNet.Attributes;
using Clerk.Generated.Generator;
using Clerk.Generated.Generator.Caching;
using Clerk.Generated.Generator.Emitting;
using Clerk.Generated.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.OpenApi.Readers;

namespace Clerk.Generated.Benchmarks.Generator;

/// <summary>
/// The generator on Clerk's full Backend API spec, against Microsoft.OpenApi.Readers reading the same text alone
/// (the baseline: the least any generator built on that reader can cost).
/// <list type="bullet">
/// <item><c>Cold</c>: a new driver and an empty parse cache: parse, build the model, emit every file, and let the
/// driver parse the generated sources. Target: at most 1.25x the baseline.</item>
/// <item><c>NewDriverCachedParse</c>: what a command-line build costs when the compiler server kept the generator
/// loaded (so <see cref="GenerationCache"/> has the parse) but starts a new driver: everything except the parse.</item>
/// <item><c>CSharpOnlyEdit</c>: the driver of a previous run, a compilation whose C# changed. Target: under 5 ms.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private string _yaml = "";
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _editedCompilation = null!;
    private GeneratorDriver _ranDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        _yaml = File.ReadAllText(SharedSpecs.BapiYaml);
        _compilation = Compilation("public static class Program { public static int Answer() => 42; }");
        _editedCompilation = Compilation("public static class Program { public static int Answer() => 43; }");
        _ranDriver = NewDriver().RunGenerators(_compilation);
        var generated = _ranDriver.GetRunResult().GeneratedTrees.Length;
        if (generated < 200)
        {
            throw new InvalidOperationException($"Benchmark setup: the generator produced only {generated} files.");
        }
    }

    [Benchmark(Baseline = true)]
    public object? OpenApiReaderParseYaml() => new OpenApiStringReader().Read(_yaml, out _);

    [Benchmark]
    public GeneratorDriver Cold()
    {
        GenerationCache.Clear();
        return NewDriver().RunGenerators(_compilation);
    }

    [Benchmark]
    public GeneratorDriver NewDriverCachedParse()
    {
        GenerationCache.ClearEmittedSources();
        return NewDriver().RunGenerators(_compilation);
    }

    /// <summary>What a command-line build on a running compiler server pays: a new driver, parse and emission cached.</summary>
    [Benchmark]
    public GeneratorDriver NewDriverCachedParseAndEmission() => NewDriver().RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver CSharpOnlyEdit() => _ranDriver.RunGenerators(_editedCompilation);

    private GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
        [new ClerkGenerator().AsSourceGenerator()],
        [new SpecAdditionalText(SharedSpecs.BapiYaml, _yaml)],
        ParseOptions,
        new SpecItemOptions());

    private static CSharpCompilation Compilation(string source) => CSharpCompilation.Create(
        "Consumer",
        [CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Program.cs")],
        [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}

/// <summary>Where Clerk's specs are: the shared folder beside the repository, stamped in at build time.</summary>
internal static class SharedSpecs
{
    private static string SharedDir { get; } =
        typeof(SharedSpecs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ClerkSharedDir").Value!;

    public static string BapiYaml => Path.Combine(SharedDir, "clerk-openapi", "bapi", "2026-05-12.yml");

    public static string BapiJson => Path.Combine(SharedDir, "clerk-openapi", "bapi", "2026-05-12.json");
}
