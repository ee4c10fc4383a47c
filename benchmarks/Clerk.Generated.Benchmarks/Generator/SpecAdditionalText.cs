using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Clerk.Generated.Benchmarks.Generator;

/// <summary>A spec file handed to the generator from memory, as the compiler hands it an AdditionalFiles item.</summary>
internal sealed class SpecAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
