using System.Collections.Immutable;
using Clerk.Generated.Generator.Emitting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Clerk.Generated.Generator.Tests.Support;

/// <summary>
/// Runs <see cref="ClerkGenerator"/> the way the compiler does, over an in-memory compilation: specs as additional
/// texts, their item metadata through an options provider, incremental steps tracked.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>What a consumer project builds with: nullable on, every warning an error, all warning waves.</summary>
    public static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithNullableContextOptions(NullableContextOptions.Enable)
        .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
        .WithWarningLevel(9999)
        .WithDeterministic(true)
        .WithOptimizationLevel(OptimizationLevel.Release);

    public const string ConsumerSource = """
        namespace Consumer;

        /// <summary>A consumer's own code, which the generator must never look at.</summary>
        public static class Program
        {
            /// <summary>Entry point.</summary>
            public static int Answer() => 42;
        }
        """;

    public static CSharpCompilation CreateCompilation(string source = ConsumerSource, string assemblyName = "Consumer") =>
        CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Program.cs") },
            CompilationReferences.All,
            CompilationOptions);

    public static GeneratorDriver CreateDriver(IEnumerable<SpecItem> specs, bool trackSteps = true) =>
        CreateDriver(specs, out _, trackSteps);

    /// <summary>A driver over <paramref name="specs"/>; <paramref name="texts"/> are the additional texts it holds (to replace them later).</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<SpecItem> specs, out IReadOnlyList<AdditionalText> texts, bool trackSteps = true)
    {
        var items = specs.ToList();
        texts = items.Select(i => (AdditionalText)new InMemoryAdditionalText(i.Path, i.Text)).ToList();
        return CSharpGeneratorDriver.Create(
            new[] { new ClerkGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            new SpecItemOptionsProvider(items),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    public static GeneratorRun Run(params SpecItem[] specs) => Run(specs, ConsumerSource);

    /// <summary>
    /// Generates from <paramref name="specs"/>, compiles <paramref name="source"/> with the output (asserting no
    /// warnings), loads the assembly and returns its type <paramref name="typeName"/>.
    /// </summary>
    public static Type CompileAndLoad(IEnumerable<SpecItem> specs, string source, string assemblyName, string typeName)
    {
        var run = Run(specs, source, trackSteps: false);
        NUnit.Framework.Assert.That(run.CompileDiagnostics().Select(d => d.ToString()), NUnit.Framework.Is.Empty, "the consumer and the generated code compile without warnings");
        return EmitAndLoad(run.OutputCompilation.WithAssemblyName(assemblyName), typeName);
    }

    /// <summary>
    /// Emits <paramref name="compilation"/> (asserting success), loads it into the default context and returns its
    /// type <paramref name="typeName"/>.
    /// </summary>
    public static Type EmitAndLoad(CSharpCompilation compilation, string typeName)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        NUnit.Framework.Assert.That(emitted.Success, NUnit.Framework.Is.True, string.Join(Environment.NewLine, emitted.Diagnostics));
        return System.Reflection.Assembly.Load(image.ToArray()).GetType(typeName)!;
    }

    public static GeneratorRun Run(IEnumerable<SpecItem> specs, string source, bool trackSteps = true)
    {
        var compilation = CreateCompilation(source);
        var driver = CreateDriver(specs, trackSteps).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        return new GeneratorRun(driver, (CSharpCompilation)output, driverDiagnostics, driver.GetRunResult());
    }
}

/// <summary>One generator run: the driver (for incremental follow-ups), the compilation with the generated trees, and what was reported.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    CSharpCompilation OutputCompilation,
    ImmutableArray<Diagnostic> DriverDiagnostics,
    GeneratorDriverRunResult Result)
{
    /// <summary>The generated files, by hint name, in a stable order.</summary>
    public IReadOnlyList<(string HintName, string Text)> Sources => Result.Results
        .SelectMany(r => r.GeneratedSources)
        .Select(s => (s.HintName, s.SourceText.ToString()))
        .OrderBy(s => s.HintName, StringComparer.Ordinal)
        .ToList();

    /// <summary>The generator's own diagnostics (CLERKGEN…), plus anything the driver reported about it (CS8785).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics.Concat(DriverDiagnostics).Distinct().ToList();

    /// <summary>An exception the generator let escape (the driver turns those into CS8785 warnings).</summary>
    public Exception? Exception => Result.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);

    /// <summary>
    /// Errors and warnings of compiling the consumer code together with the generated code, the generated files
    /// analysed for nullability in full: they ship with nullable warnings disabled (no flow analysis in users'
    /// builds), so here that directive becomes <c>#nullable enable warnings</c> to prove them nullable-clean.
    /// </summary>
    public IReadOnlyList<Diagnostic> CompileDiagnostics() => WithNullableAnalysis().GetDiagnostics()
        .Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError)
        .ToList();

    /// <summary>The output compilation with full nullable analysis in every generated file (<c>#nullable enable warnings</c>).</summary>
    public CSharpCompilation WithNullableAnalysis() => OutputCompilation
        .RemoveSyntaxTrees(Result.GeneratedTrees)
        .AddSyntaxTrees(Result.GeneratedTrees.Select(WithFullNullableAnalysis));

    /// <summary><paramref name="tree"/> with its <c>#nullable disable warnings</c> line replaced by <c>#nullable enable warnings</c>.</summary>
    public static SyntaxTree WithFullNullableAnalysis(SyntaxTree tree)
    {
        var text = tree.GetText();
        var directive = text.Lines.FirstOrDefault(l => l.ToString() == FileHeader.NullableWarnings);
        if (directive.Span.IsEmpty)
        {
            throw new InvalidOperationException($"{tree.FilePath} lacks the line '{FileHeader.NullableWarnings}'.");
        }

        return tree.WithChangedText(text.Replace(directive.Span, "#nullable enable warnings"));
    }

    /// <summary>"CLERKGEN003 @ 1:1" (one-based line and column in the spec file), for exact assertions.</summary>
    public IReadOnlyList<string> DiagnosticSummaries() => Diagnostics
        .Select(Describe)
        .OrderBy(s => s, StringComparer.Ordinal)
        .ToList();

    public static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{diagnostic.Id} @ {span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}";
    }
}
