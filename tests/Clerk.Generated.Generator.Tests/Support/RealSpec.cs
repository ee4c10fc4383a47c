using System.Reflection;
using System.Runtime.Loader;
using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Parsing;

namespace Clerk.Generated.Generator.Tests.Support;

/// <summary>
/// The real Clerk spec, generated once per test run and shared: parsing and compiling it is the expensive part of
/// this project, and every test of the real output looks at the same result.
/// </summary>
internal static class RealSpec
{
    private static readonly Lazy<string> LazyText = new(() => File.ReadAllText(RepositoryPaths.RealSpecYaml));
    private static readonly Lazy<GeneratorRun> LazyRun = new(() =>
        GeneratorHarness.Run(new[] { Item }, GeneratorHarness.ConsumerSource, trackSteps: false));
    private static readonly Lazy<SpecModel> LazyModel = new(() =>
        SpecParser.Parse(new SpecInput(RepositoryPaths.RealSpecYaml, Text, SpecKind.Api, "true", null, null, null), CancellationToken.None));
    private static readonly Lazy<Assembly> LazyAssembly = new(Load);

    public static string Text => LazyText.Value;

    public static SpecItem Item => new(RepositoryPaths.RealSpecYaml, Text);

    public static GeneratorRun Run => LazyRun.Value;

    /// <summary>The parsed model (what the pipeline carries between steps).</summary>
    public static SpecModel Model => LazyModel.Value;

    /// <summary>
    /// The generated client compiled and loaded into a collectible context of its own (tests may use reflection;
    /// the generated code does not). It falls back to this test's copies of the runtime and System.Text.Json.
    /// </summary>
    public static Assembly Assembly => LazyAssembly.Value;

    private static Assembly Load()
    {
        using var image = new MemoryStream();
        var result = Run.OutputCompilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The generated client does not compile: " +
                string.Join(Environment.NewLine, result.Diagnostics.Take(20)));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("ClerkGeneratedRealSpec", isCollectible: true);
        return context.LoadFromStream(image);
    }
}
