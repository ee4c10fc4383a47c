using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Clerk.Generated.Generator.Tests.Support;

/// <summary>
/// Hands each additional file its item metadata, the way the compiler does for
/// <c>CompilerVisibleItemMetadata</c>: a file without metadata gets none.
/// </summary>
internal sealed class SpecItemOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _byPath;

    public SpecItemOptionsProvider(IEnumerable<SpecItem> items) =>
        _byPath = items.ToDictionary(i => i.Path, i => i.BuildMetadata(), StringComparer.Ordinal);

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _byPath.TryGetValue(textFile.Path, out var metadata) ? new DictionaryOptions(metadata) : GlobalOptions;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
