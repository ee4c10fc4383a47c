using System.Collections.Generic;
using System.Linq;
using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Parsing;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>
/// Emits an object model (a sealed class with init-only properties) and its reflection-free
/// <c>JsonConverter</c>: properties matched by UTF-8 name, written with pre-encoded names.
/// </summary>
internal static class ObjectEmitter
{
    public static string Emit(TypeModel type, EmitSettings settings)
    {
        // Deprecated members are still read and written by the converter; that use is not the caller's.
        var writer = FileHeader.Start("#pragma warning disable CS0618 // Obsolete members are part of the wire format.");
        writer.Line("namespace " + settings.Namespace);
        writer.OpenBlock();
        EmitClass(writer, type, settings);
        writer.CloseBlock();
        if (!type.IsMultipartBody)
        {
            writer.Line();
            writer.Line("namespace " + settings.Namespace + ".Serialization");
            writer.OpenBlock();
            EmitConverter(writer, type, settings);
            writer.CloseBlock();
        }

        return writer.ToString();
    }

    private static void EmitClass(SourceWriter writer, TypeModel type, EmitSettings settings)
    {
        writer.Doc("summary", type.Documentation ?? DefaultSummary(type));
        if (type.IsPatchBody)
        {
            writer.Doc("remarks", "Properties left unset are not sent; set one to null to clear it.");
        }

        Attributes(writer, type, settings);
        writer.OpenBlock(settings.Accessibility + " sealed partial class " + type.Name);
        var first = true;
        foreach (var property in type.Properties)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            // Every public member gets a summary, so consumers that build documentation with warnings as errors compile (CS1591).
            writer.Doc("summary", property.Documentation ?? "The '" + property.JsonName + "' property.");
            if (property.IsDeprecated)
            {
                writer.Line("[global::System.Obsolete(\"Deprecated in Clerk's API.\")]");
            }

            var required = property.IsRequiredInCSharp ? "required " : string.Empty;
            writer.Line("public " + required + PropertyType(property, settings) + " " + property.Name + " { get; init; }");
        }

        if (!type.IsMultipartBody)
        {
            if (!first)
            {
                writer.Line();
            }

            writer.Line("/// <summary>Properties this version of the spec does not describe, kept so that reading and writing back loses nothing.</summary>");
            writer.Line("public global::System.Collections.Generic.IReadOnlyDictionary<string, " + CSharpTypes.JsonElement + ">? " + AdditionalPropertiesName(type) + " { get; init; }");
        }

        writer.CloseBlock();
    }

    /// <summary>The name of the member holding unknown properties: unique among the model's own members.</summary>
    internal static string AdditionalPropertiesName(TypeModel type)
    {
        var taken = new HashSet<string>(type.Properties.Select(p => p.Name), System.StringComparer.Ordinal) { type.Name };
        return Naming.Unique("AdditionalProperties", taken);
    }

    private static string DefaultSummary(TypeModel type) => type.IsMultipartBody
        ? "The form fields of a multipart upload."
        : "A Clerk API object (" + type.SchemaPointer + ").";

    private static void Attributes(SourceWriter writer, TypeModel type, EmitSettings settings)
    {
        if (type.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in Clerk's API.\")]");
        }

        if (!type.IsMultipartBody)
        {
            writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + CSharpTypes.ConverterOf(type.Name, settings) + "))]");
        }

        writer.Line(CSharpTypes.GeneratedCodeAttribute);
    }

    internal static string PropertyType(PropertyModel property, EmitSettings settings)
    {
        if (property.IsTriState)
        {
            return CSharpTypes.Serialization + ".ClerkOptional<" + CSharpTypes.Name(property.Type, settings, property.IsNullable) + ">";
        }

        return CSharpTypes.Name(property.Type, settings, property.IsNullableInCSharp);
    }

    private static void EmitConverter(SourceWriter writer, TypeModel type, EmitSettings settings)
    {
        var typeName = CSharpTypes.Generated(type.Name, settings);
        var locals = LocalNames(type);

        ConverterSkeleton.OpenClass(writer, settings, type.Name, typeName, "Reads and writes <see cref=\"" + typeName + "\"/> without reflection.");
        writer.Line();
        for (var i = 0; i < type.Properties.Count; i++)
        {
            writer.Line("private static readonly global::System.Text.Json.JsonEncodedText " + NameField(i) + " = global::System.Text.Json.JsonEncodedText.Encode(" + Naming.Literal(type.Properties[i].JsonName) + ");");
        }

        if (type.Properties.Count > 0)
        {
            writer.Line();
        }

        EmitRead(writer, type, settings, typeName, locals);
        writer.Line();
        EmitWrite(writer, type, settings, typeName);
        writer.Line();
        EmitPropertyIndex(writer, type);
        writer.CloseBlock();
    }

    private static string NameField(int index) => "PropertyName" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> LocalNames(TypeModel type)
    {
        var taken = new HashSet<string>(System.StringComparer.Ordinal) { "reader", "options", "typeToConvert", "writer", "value", "index", "name", "unknownName", "additionalProperties", "extra", "entry" };
        return type.Properties.Select(p => Naming.Unique(Naming.Camel(p.Name), taken)).ToList();
    }

    private static void EmitRead(SourceWriter writer, TypeModel type, EmitSettings settings, string typeName, List<string> locals)
    {
        ConverterSkeleton.OpenRead(writer, typeName + "?");
        writer.OpenBlock("if (reader.TokenType == " + CSharpTypes.JsonTokenType + ".Null)");
        writer.Line("return null;");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("if (reader.TokenType != " + CSharpTypes.JsonTokenType + ".StartObject)");
        writer.Line("throw new global::System.Text.Json.JsonException(\"Expected a JSON object for " + type.Name + ".\");");
        writer.CloseBlock();
        writer.Line();
        for (var i = 0; i < type.Properties.Count; i++)
        {
            writer.Line(PropertyType(type.Properties[i], settings) + (type.Properties[i].IsTriState ? string.Empty : NullableSuffixForLocal(type.Properties[i])) + " " + locals[i] + " = default;");
        }

        if (type.Properties.Count > 0)
        {
            writer.Line();
        }

        writer.Line("global::System.Collections.Generic.Dictionary<string, " + CSharpTypes.JsonElement + ">? additionalProperties = null;");
        writer.Line();
        writer.OpenBlock("while (reader.Read() && reader.TokenType != " + CSharpTypes.JsonTokenType + ".EndObject)");
        writer.Line("var index = PropertyIndex(" + CSharpTypes.Serialization + ".ClerkJson.PropertyName(ref reader));");
        writer.Line("var unknownName = index < 0 ? reader.GetString() : null;");
        writer.Line("reader.Read();");
        writer.OpenBlock("switch (index)");
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            writer.Line("case " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":");
            writer.Indent();
            var read = CSharpTypes.Read(property.Type, settings, "reader", "options");
            // The local is declared with its type, so an optional's constructor needs no type name.
            var value = property.IsTriState ? "new(" + read + ")" : read;
            if (property.IsTriState && property.IsNullable)
            {
                // An explicit null is a value of its own here ("clear this"), not the same as absent.
                writer.OpenBlock("if (reader.TokenType == " + CSharpTypes.JsonTokenType + ".Null)");
                writer.Line(locals[i] + " = new(null);");
                writer.CloseBlock();
                writer.OpenBlock("else");
                writer.CallStatement(locals[i] + " = " + value + ";");
                writer.CloseBlock();
            }
            else
            {
                writer.OpenBlock("if (reader.TokenType != " + CSharpTypes.JsonTokenType + ".Null)");
                writer.CallStatement(locals[i] + " = " + value + ";");
                writer.CloseBlock();
            }

            writer.Line("break;");
            writer.Outdent();
        }

        writer.Line("default:");
        writer.Indent();
        writer.Line("(additionalProperties ??= new(global::System.StringComparer.Ordinal))[unknownName!] = " + CSharpTypes.JsonElement + ".ParseValue(ref reader);");
        writer.Line("break;");
        writer.Outdent();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("return new " + typeName);
        writer.OpenBlock();
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            var bang = !property.IsTriState && !property.IsNullableInCSharp && !property.Type.IsValueType && property.Type.Kind != TypeReferenceKind.Json ? "!" : string.Empty;
            var valueTypeUnwrap = !property.IsTriState && !property.IsNullableInCSharp && property.Type.IsValueType ? ".GetValueOrDefault()" : string.Empty;
            writer.Line(property.Name + " = " + locals[i] + bang + valueTypeUnwrap + ",");
        }

        writer.Line(AdditionalPropertiesName(type) + " = additionalProperties,");
        writer.CloseBlock(";");

        writer.CloseBlock();
    }

    /// <summary>Locals start empty, so a required value type is read into its nullable form.</summary>
    private static string NullableSuffixForLocal(PropertyModel property) =>
        !property.IsNullableInCSharp ? "?" : string.Empty;

    private static void EmitWrite(SourceWriter writer, TypeModel type, EmitSettings settings, string typeName)
    {
        ConverterSkeleton.OpenWrite(writer, typeName);
        writer.Line("writer.WriteStartObject();");
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            var access = "value." + property.Name;
            if (property.IsTriState)
            {
                writer.OpenBlock("if (" + access + ".IsSet)");
                EmitWriteValue(writer, property, settings, NameField(i), access + ".Value", property.IsNullable, writeNull: true);
                writer.CloseBlock();
            }
            else if (!property.IsNullableInCSharp)
            {
                if (property.Type.IsValueType)
                {
                    writer.Line("writer.WritePropertyName(" + NameField(i) + ");");
                    writer.CallStatement(CSharpTypes.Write(property.Type, settings, "writer", access, "options"));
                }
                else
                {
                    // Required by the spec but possibly left null by a caller: null is what the wire will say.
                    EmitWriteValue(writer, property, settings, NameField(i), access, nullable: true, writeNull: true);
                }
            }
            else
            {
                EmitWriteValue(writer, property, settings, NameField(i), access, nullable: true, writeNull: property.IsRequired);
            }
        }

        writer.OpenBlock("if (value." + AdditionalPropertiesName(type) + " is { } extra)");
        writer.OpenBlock("foreach (var entry in extra)");
        writer.Line("writer.WritePropertyName(entry.Key);");
        writer.Line("entry.Value.WriteTo(writer);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("writer.WriteEndObject();");
        writer.CloseBlock();
    }

    private static void EmitWriteValue(SourceWriter writer, PropertyModel property, EmitSettings settings, string nameField, string access, bool nullable, bool writeNull)
    {
        if (!nullable)
        {
            writer.Line("writer.WritePropertyName(" + nameField + ");");
            writer.CallStatement(CSharpTypes.Write(property.Type, settings, "writer", access, "options"));
            return;
        }

        var local = "v" + property.Name;
        writer.OpenBlock("if (" + access + " is { } " + local + ")");
        writer.Line("writer.WritePropertyName(" + nameField + ");");
        writer.CallStatement(CSharpTypes.Write(property.Type, settings, "writer", local, "options"));
        writer.CloseBlock();
        if (writeNull)
        {
            writer.OpenBlock("else");
            writer.Line("writer.WriteNull(" + nameField + ");");
            writer.CloseBlock();
        }
    }

    /// <summary>Maps a UTF-8 property name to its index: by length first, then by bytes.</summary>
    private static void EmitPropertyIndex(SourceWriter writer, TypeModel type)
    {
        writer.OpenBlock("private static int PropertyIndex(global::System.ReadOnlySpan<byte> name)");
        var byLength = type.Properties
            .Select((p, i) => (Property: p, Index: i, Length: System.Text.Encoding.UTF8.GetByteCount(p.JsonName)))
            .GroupBy(p => p.Length)
            .OrderBy(g => g.Key)
            .ToList();
        if (byLength.Count > 0)
        {
            writer.OpenBlock("switch (name.Length)");
            foreach (var group in byLength)
            {
                writer.Line("case " + group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":");
                writer.Indent();
                foreach (var entry in group)
                {
                    // Fully qualified: the consumer's file may not import System (no implicit usings).
                    writer.OpenBlock("if (global::System.MemoryExtensions.SequenceEqual(name, " + Naming.Literal(entry.Property.JsonName) + "u8))");
                    writer.Line("return " + entry.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";");
                    writer.CloseBlock();
                    writer.Line();
                }

                writer.Line("break;");
                writer.Outdent();
            }

            writer.CloseBlock();
            writer.Line();
        }

        writer.Line("return -1;");
        writer.CloseBlock();
    }
}
