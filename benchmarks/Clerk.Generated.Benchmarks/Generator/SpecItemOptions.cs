using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Clerk.Generated.Benchmarks.Generator;

/// <summary>
/// Gives every additional file the item metadata <c>ClerkSpec="true"</c>, the way the compiler passes
/// <c>CompilerVisibleItemMetadata</c> to generators.
/// </summary>
internal sealed class SpecItemOptions : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions None = new Options(new Dictionary<string, string>());
    private static readonly AnalyzerConfigOptions SpecItem = new Options(new Dictionary<string, string>
    {
        ["build_metadata.AdditionalFiles.ClerkSpec"] = "true",
    });

    public override AnalyzerConfigOptions GlobalOptions => None;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => SpecItem;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
