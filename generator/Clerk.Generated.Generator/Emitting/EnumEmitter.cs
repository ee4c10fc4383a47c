using System.Linq;
using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Parsing;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>
/// Emits an open enum: a readonly struct over its string value, with the spec's values as named members. A value
/// Clerk adds later deserializes, is visible (<c>IsKnown == false</c>) and serializes back unchanged.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(TypeModel type, EmitSettings settings)
    {
        var name = type.Name;
        var fullName = CSharpTypes.Generated(name, settings);
        var writer = FileHeader.Start();
        writer.Line("namespace " + settings.Namespace);
        writer.OpenBlock();
        writer.Doc("summary", type.Documentation ?? "One of a set of values; values unknown to this version are kept as they are.");
        writer.Doc("remarks", "Known values: " + string.Join(", ", type.EnumMembers.Select(m => "\"" + m.Value + "\"")) + ".");
        if (type.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in Clerk's API.\")]");
        }

        writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + CSharpTypes.ConverterOf(name, settings) + "))]");
        writer.Line(CSharpTypes.GeneratedCodeAttribute);
        writer.OpenBlock(settings.Accessibility + " readonly partial struct " + name + " : global::System.IEquatable<" + fullName + ">");
        foreach (var member in type.EnumMembers)
        {
            writer.Line("/// <summary>The value <c>" + Naming.XmlEscape(Naming.Literal(member.Value)) + "</c>.</summary>");
            writer.Line("public static readonly " + fullName + " " + member.Name + " = new(" + Naming.Literal(member.Value) + ");");
            writer.Line();
        }

        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Line("/// <summary>Wraps any value, known or not.</summary>");
        writer.OpenBlock("public " + name + "(string value)");
        writer.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>The value as it appears on the wire.</summary>");
        writer.Line("public string Value => _value ?? string.Empty;");
        writer.Line();
        writer.Line("/// <summary>Whether the value is one this version of the spec names.</summary>");
        writer.Line("public bool IsKnown => Value is " + string.Join(" or ", type.EnumMembers.Select(m => Naming.Literal(m.Value))) + ";");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public bool Equals(" + fullName + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool Equals(object? obj) => obj is " + fullName + " other && Equals(other);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override string ToString() => Value;");
        writer.Line();
        writer.Line("/// <summary>Compares two values by their text.</summary>");
        writer.Signature("public static bool operator ==", new[] { fullName + " left", fullName + " right" }, " => left.Equals(right);");
        writer.Line();
        writer.Line("/// <summary>Compares two values by their text.</summary>");
        writer.Signature("public static bool operator !=", new[] { fullName + " left", fullName + " right" }, " => !left.Equals(right);");
        writer.Line();
        writer.Line("/// <summary>Wraps a value given as text.</summary>");
        writer.Line("public static implicit operator " + fullName + "(string value) => new(value);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("namespace " + settings.Namespace + ".Serialization");
        writer.OpenBlock();
        ConverterSkeleton.OpenClass(writer, settings, name, fullName, "Reads and writes <see cref=\"" + fullName + "\"/> as a JSON string, keeping unknown values.");
        ConverterSkeleton.OpenRead(writer, fullName);
        writer.OpenBlock("if (reader.TokenType != " + CSharpTypes.JsonTokenType + ".String)");
        writer.Line("throw new global::System.Text.Json.JsonException(\"Expected a JSON string for " + name + ".\");");
        writer.CloseBlock();
        writer.Line();
        writer.Line("// Known values reuse their instances, so the common case allocates nothing.");
        foreach (var member in type.EnumMembers)
        {
            writer.OpenBlock("if (reader.ValueTextEquals(" + Naming.Literal(member.Value) + "u8))");
            writer.Line("return " + fullName + "." + member.Name + ";");
            writer.CloseBlock();
            writer.Line();
        }

        writer.Line("return new " + fullName + "(reader.GetString()!);");
        writer.CloseBlock();
        writer.Line();
        ConverterSkeleton.OpenWrite(writer, fullName);
        writer.Line("writer.WriteStringValue(value.Value);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
