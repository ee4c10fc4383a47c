using Clerk.Generated.Generator.Model;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>
/// What every generated converter (object, union, open enum) shares: the class with its shared instance, and the
/// <c>Read</c>/<c>Write</c> signatures. The emitters write only the bodies.
/// </summary>
internal static class ConverterSkeleton
{
    private const string Reader = "ref global::System.Text.Json.Utf8JsonReader reader";
    private const string TypeToConvert = "global::System.Type typeToConvert";
    private const string Options = "global::System.Text.Json.JsonSerializerOptions options";

    /// <summary>Opens <c>{name}JsonConverter</c>; the caller closes the block.</summary>
    public static void OpenClass(SourceWriter writer, EmitSettings settings, string name, string fullName, string summary)
    {
        writer.Lines($$"""
            /// <summary>{{summary}}</summary>
            {{CSharpTypes.GeneratedCodeAttribute}}
            {{settings.Accessibility}} sealed class {{name}}JsonConverter
                : global::System.Text.Json.Serialization.JsonConverter<{{fullName}}>
            {
                /// <summary>The shared instance (the converter holds no state).</summary>
                public static {{name}}JsonConverter Instance { get; } = new();

            """);
        writer.Indent();
    }

    /// <summary>Opens <c>Read</c>, returning <paramref name="returnType"/> (nullable for reference types).</summary>
    public static void OpenRead(SourceWriter writer, string returnType)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Signature("public override " + returnType + " Read", new[] { Reader, TypeToConvert, Options });
        writer.OpenBlock();
    }

    /// <summary>Opens <c>Write</c> for <paramref name="fullName"/>.</summary>
    public static void OpenWrite(SourceWriter writer, string fullName)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Signature("public override void Write", new[] { "global::System.Text.Json.Utf8JsonWriter writer", fullName + " value", Options });
        writer.OpenBlock();
    }
}
