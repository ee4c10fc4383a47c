using System.Linq;
using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Parsing;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>
/// Emits a union (<c>oneOf</c>/<c>anyOf</c>): a class holding exactly one of its cases, or the raw JSON of a case
/// this version does not know. Discriminated unions dispatch on the discriminator property without buffering;
/// the others pick the case whose properties fit the object best.
/// </summary>
internal static class UnionEmitter
{
    public static string Emit(TypeModel type, EmitSettings settings)
    {
        var fullName = CSharpTypes.Generated(type.Name, settings);
        var writer = FileHeader.Start("#pragma warning disable CS0618 // Obsolete cases are part of the wire format.");
        writer.Line("namespace " + settings.Namespace);
        writer.OpenBlock();
        EmitClass(writer, type, settings, fullName);
        writer.CloseBlock();
        writer.Line();
        writer.Line("namespace " + settings.Namespace + ".Serialization");
        writer.OpenBlock();
        EmitConverter(writer, type, settings, fullName);
        writer.CloseBlock();
        return writer.ToString();
    }

    private static void EmitClass(SourceWriter writer, TypeModel type, EmitSettings settings, string fullName)
    {
        writer.Doc("summary", type.Documentation ?? "One of several shapes; see the properties for which one this is.");
        writer.Doc("remarks", type.DiscriminatorProperty is { } discriminator
            ? "Chosen by the \"" + discriminator + "\" property; a value this version does not know is kept in Unknown."
            : "Chosen by the properties the object has; an object matching no case is kept in Unknown.");
        writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + CSharpTypes.ConverterOf(type.Name, settings) + "))]");
        writer.Line(CSharpTypes.GeneratedCodeAttribute);
        writer.OpenBlock(settings.Accessibility + " sealed partial class " + type.Name);
        writer.Line("private readonly object? _value;");
        writer.Line();
        foreach (var unionCase in type.UnionCases)
        {
            var caseType = CSharpTypes.Name(unionCase.Type, settings);
            writer.Line("/// <summary>Holds a <see cref=\"" + caseType + "\"/>.</summary>");
            writer.Line("public " + type.Name + "(" + caseType + " value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            writer.Line();
        }

        writer.Line("/// <summary>Holds JSON of a shape this version of the spec does not describe.</summary>");
        writer.Line("public " + type.Name + "(" + CSharpTypes.JsonElement + " unknown) => Unknown = unknown;");
        writer.Line();
        foreach (var unionCase in type.UnionCases)
        {
            var caseType = CSharpTypes.Name(unionCase.Type, settings);
            writer.Line("/// <summary>The value when it is a <see cref=\"" + caseType + "\"/>; otherwise null.</summary>");
            writer.Line("public " + caseType + "? " + unionCase.Name + " => _value as " + caseType + ";");
            writer.Line();
        }

        writer.Line("/// <summary>The raw JSON when the value matched no known case; otherwise null.</summary>");
        writer.Line("public " + CSharpTypes.JsonElement + "? Unknown { get; }");
        writer.Line();
        writer.Line("/// <summary>Whether the value matched no known case.</summary>");
        writer.Line("public bool IsUnknown => _value is null;");
        writer.Line();
        writer.Line("/// <summary>The held value: one of the case types, or the unknown JSON.</summary>");
        writer.Line("public object Value => _value ?? Unknown!.Value;");
        writer.Line();
        writer.Line("/// <summary>Calls the function for the case held and returns its result.</summary>");
        var parameters = type.UnionCases.Select(c => "global::System.Func<" + CSharpTypes.Name(c.Type, settings) + ", TResult> " + Naming.Camel(c.Name))
            .Append("global::System.Func<" + CSharpTypes.JsonElement + ", TResult> unknown").ToList();
        writer.Signature("public TResult Match<TResult>", parameters);
        writer.OpenBlock();
        writer.Line("return _value switch");
        writer.OpenBlock();
        foreach (var unionCase in type.UnionCases)
        {
            writer.Line(CSharpTypes.Name(unionCase.Type, settings) + " value => " + Naming.Camel(unionCase.Name) + "(value),");
        }

        writer.Line("_ => unknown(Unknown!.Value),");
        writer.CloseBlock(";");
        writer.CloseBlock();
        foreach (var unionCase in type.UnionCases)
        {
            var caseType = CSharpTypes.Name(unionCase.Type, settings);
            writer.Line();
            writer.Line("/// <summary>Wraps a <see cref=\"" + caseType + "\"/>.</summary>");
            writer.Line("public static implicit operator " + fullName + "(" + caseType + " value) => new(value);");
        }

        writer.CloseBlock();
    }

    private static void EmitConverter(SourceWriter writer, TypeModel type, EmitSettings settings, string fullName)
    {
        ConverterSkeleton.OpenClass(writer, settings, type.Name, fullName, "Reads and writes <see cref=\"" + fullName + "\"/> without reflection.");
        writer.Line();
        if (type.DiscriminatorProperty is null)
        {
            writer.Line("private static readonly " + CSharpTypes.Serialization + ".ClerkUnionShape[] Shapes =");
            writer.OpenBlock();
            foreach (var unionCase in type.UnionCases)
            {
                writer.Call("new", new[] { "new[] { " + string.Join(", ", unionCase.RequiredJsonProperties.Select(Naming.Literal)) + " }", "new[] { " + string.Join(", ", unionCase.KnownJsonProperties.Select(Naming.Literal)) + " }" }, ",");
            }

            writer.CloseBlock(";");
            writer.Line();
        }

        ConverterSkeleton.OpenRead(writer, fullName + "?");
        writer.OpenBlock("if (reader.TokenType == " + CSharpTypes.JsonTokenType + ".Null)");
        writer.Line("return null;");
        writer.CloseBlock();
        writer.Line();
        if (type.DiscriminatorProperty is { } discriminator)
        {
            writer.Line("// The reader holds the whole value here, so a copy can look ahead for the discriminator.");
            writer.Line("var discriminator = " + CSharpTypes.Serialization + ".ClerkJson.PeekStringProperty(reader, " + Naming.Literal(discriminator) + "u8);");
            writer.Line("switch (discriminator)");
            writer.OpenBlock();
            foreach (var unionCase in type.UnionCases.Where(c => c.DiscriminatorValue is not null))
            {
                writer.Line("case " + Naming.Literal(unionCase.DiscriminatorValue!) + ":");
                writer.Indent();
                writer.CallStatement("return new " + fullName + "(" + CSharpTypes.Read(unionCase.Type, settings, "reader", "options") + ");");
                writer.Outdent();
            }

            writer.Line("default:");
            writer.Indent();
            writer.Line("return new " + fullName + "(" + CSharpTypes.JsonElement + ".ParseValue(ref reader));");
            writer.Outdent();
            writer.CloseBlock();
        }
        else
        {
            writer.Line("switch (" + CSharpTypes.Serialization + ".ClerkJson.BestShape(reader, Shapes))");
            writer.OpenBlock();
            for (var i = 0; i < type.UnionCases.Count; i++)
            {
                writer.Line("case " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":");
                writer.Indent();
                writer.CallStatement("return new " + fullName + "(" + CSharpTypes.Read(type.UnionCases[i].Type, settings, "reader", "options") + ");");
                writer.Outdent();
            }

            writer.Line("default:");
            writer.Indent();
            writer.Line("return new " + fullName + "(" + CSharpTypes.JsonElement + ".ParseValue(ref reader));");
            writer.Outdent();
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.Line();
        ConverterSkeleton.OpenWrite(writer, fullName);
        writer.Line("switch (value.Value)");
        writer.OpenBlock();
        foreach (var unionCase in type.UnionCases)
        {
            writer.Line("case " + CSharpTypes.Name(unionCase.Type, settings) + " item:");
            writer.Indent();
            writer.CallStatement(CSharpTypes.Write(unionCase.Type, settings, "writer", "item", "options"));
            writer.Line("break;");
            writer.Outdent();
        }

        writer.Line("case " + CSharpTypes.JsonElement + " unknown:");
        writer.Indent();
        writer.Line("unknown.WriteTo(writer);");
        writer.Line("break;");
        writer.Outdent();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
    }
}
