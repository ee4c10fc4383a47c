using Clerk.Generated.Generator.Model;

namespace Clerk.Generated.Generator.Parsing;

/// <summary>
/// One spec item as the pipeline sees it: its path, its text and the metadata the consumer put on it. Value-equal,
/// so an unchanged spec (same text, same settings) stops the pipeline here on every C#-only edit.
/// </summary>
/// <param name="Kind">Null when <c>ClerkSpec</c> holds a value that names no kind (<paramref name="ClerkSpec"/>).</param>
internal sealed record SpecInput(
    string Path,
    string Text,
    SpecKind? Kind,
    string ClerkSpec,
    string? Namespace,
    string? TypeVisibility,
    string? Tags);
