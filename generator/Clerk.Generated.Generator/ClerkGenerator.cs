using Microsoft.CodeAnalysis;

namespace Clerk.Generated.Generator;

/// <summary>Generates the typed Clerk client from the OpenAPI spec items marked <c>ClerkSpec</c>.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class ClerkGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
