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
        var writer = FileHeader.Start();
        writer.OpenBlock("namespace " + settings.Namespace);
        EmitStruct(writer, type, settings);
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("namespace " + settings.Namespace + ".Serialization");
        EmitConverter(writer, type, settings);
        writer.CloseBlock();
        return writer.ToString();
    }

    private static void EmitStruct(SourceWriter writer, TypeModel type, EmitSettings settings)
    {
        var name = type.Name;
        var fullName = CSharpTypes.Generated(name, settings);
        writer.Doc("summary", type.Documentation ?? "One of a set of values; values unknown to this version are kept as they are.");
        writer.Doc("remarks", "Known values: " + string.Join(", ", type.EnumMembers.Select(m => "\"" + m.Value + "\"")) + ".");
        if (type.IsDeprecated)
        {
            writer.Line(CSharpTypes.ObsoleteAttribute);
        }

        writer.Lines($$"""
            [global::System.Text.Json.Serialization.JsonConverter(typeof({{CSharpTypes.ConverterOf(name, settings)}}))]
            {{CSharpTypes.GeneratedCodeAttribute}}
            {{settings.Accessibility}} readonly partial struct {{name}} : global::System.IEquatable<{{fullName}}>
            {
            """);
        writer.Indent();
        foreach (var member in type.EnumMembers)
        {
            var literal = Naming.Literal(member.Value);
            writer.Lines($$"""
                /// <summary>The value <c>{{Naming.XmlEscape(literal)}}</c>.</summary>
                public static readonly {{fullName}} {{member.Name}} = new({{literal}});

                """);
        }

        // One runtime table matches the values, for IsKnown and for the converter, instead of a comparison per value.
        writer.Line("/// <summary>The values this version of the spec names, in the order of the members above.</summary>");
        writer.Call("internal static readonly " + CSharpTypes.Serialization + ".ClerkJsonEnumValues KnownValues = new", type.EnumMembers.Select(m => Naming.Literal(m.Value)).ToList(), ";");
        writer.Lines($$"""

            private readonly string? _value;

            /// <summary>Wraps any value, known or not.</summary>
            public {{name}}(string value)
            {
                _value = value ?? throw new global::System.ArgumentNullException(nameof(value));
            }

            /// <summary>The value as it appears on the wire.</summary>
            public string Value => _value ?? string.Empty;

            /// <summary>Whether the value is one this version of the spec names.</summary>
            public bool IsKnown => KnownValues.Contains(Value);

            /// <inheritdoc/>
            public bool Equals({{fullName}} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{fullName}} other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);

            /// <inheritdoc/>
            public override string ToString() => Value;

            /// <summary>Compares two values by their text.</summary>
            """);
        writer.Signature("public static bool operator ==", new[] { fullName + " left", fullName + " right" }, " => left.Equals(right);");
        writer.Lines("""

            /// <summary>Compares two values by their text.</summary>
            """);
        writer.Signature("public static bool operator !=", new[] { fullName + " left", fullName + " right" }, " => !left.Equals(right);");
        writer.Lines($$"""

            /// <summary>Wraps a value given as text.</summary>
            public static implicit operator {{fullName}}(string value) => new(value);
            """);
        writer.CloseBlock();
    }

    private static void EmitConverter(SourceWriter writer, TypeModel type, EmitSettings settings)
    {
        var name = type.Name;
        var fullName = CSharpTypes.Generated(name, settings);
        ConverterSkeleton.OpenClass(writer, settings, name, fullName, "Reads and writes <see cref=\"" + fullName + "\"/> as a JSON string, keeping unknown values.");
        ConverterSkeleton.OpenRead(writer, fullName);
        writer.Line("// Known values reuse their instances, so the common case allocates nothing.");
        writer.Line("return " + fullName + ".KnownValues.IndexOf(ref reader, \"" + name + "\") switch");
        writer.OpenBlock();
        for (var i = 0; i < type.EnumMembers.Count; i++)
        {
            writer.Line(i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " => " + fullName + "." + type.EnumMembers[i].Name + ",");
        }

        writer.Line("_ => new " + fullName + "(reader.GetString()!),");
        writer.CloseBlock(";");
        writer.CloseBlock();
        writer.Line();
        ConverterSkeleton.OpenWrite(writer, fullName);
        writer.Line("writer.WriteStringValue(value.Value);");
        writer.CloseBlock();
        writer.CloseBlock();
    }
}
