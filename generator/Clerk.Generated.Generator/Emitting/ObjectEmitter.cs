using System.Collections.Generic;
using System.Globalization;
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
        writer.OpenBlock("namespace " + settings.Namespace);
        EmitClass(writer, type, settings);
        writer.CloseBlock();
        if (!type.IsFormBody)
        {
            writer.Line();
            writer.OpenBlock("namespace " + settings.Namespace + ".Serialization");
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

        if (type.IsDeprecated)
        {
            writer.Line(CSharpTypes.ObsoleteAttribute);
        }

        if (!type.IsFormBody)
        {
            writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + CSharpTypes.ConverterOf(type.Name, settings) + "))]");
        }

        writer.Lines($$"""
            {{CSharpTypes.GeneratedCodeAttribute}}
            {{settings.Accessibility}} sealed partial class {{type.Name}}
            {
            """);
        writer.Indent();
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            if (i > 0)
            {
                writer.Line();
            }

            // Every public member gets a summary, so consumers that build documentation with warnings as errors compile (CS1591).
            writer.Doc("summary", property.Documentation ?? "The '" + property.JsonName + "' property.");
            if (property.IsDeprecated)
            {
                writer.Line(CSharpTypes.ObsoleteAttribute);
            }

            var required = property.IsRequiredInCSharp ? "required " : string.Empty;
            writer.Line($"public {required}{PropertyType(property, settings)} {property.Name} {{ get; init; }}");
        }

        if (!type.IsFormBody)
        {
            if (type.Properties.Count > 0)
            {
                writer.Line();
            }

            writer.Lines($$"""
                /// <summary>Properties this version of the spec does not describe, kept so that reading and writing back loses nothing.</summary>
                public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>? {{AdditionalPropertiesName(type)}} { get; init; }
                """);
        }

        writer.CloseBlock();
    }

    /// <summary>The name of the member holding unknown properties: unique among the model's own members.</summary>
    internal static string AdditionalPropertiesName(TypeModel type)
    {
        var taken = new HashSet<string>(type.Properties.Select(p => p.Name), System.StringComparer.Ordinal) { type.Name };
        return Naming.Unique("AdditionalProperties", taken);
    }

    private static string DefaultSummary(TypeModel type) => type.IsFormBody
        ? "The fields of a form request body."
        : "A Clerk API object (" + type.SchemaPointer + ").";

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
        ConverterSkeleton.OpenClass(writer, settings, type.Name, typeName, "Reads and writes <see cref=\"" + typeName + "\"/> without reflection.");
        // The JSON names live once, in the runtime's name table: encoded for writing, matched in order for reading.
        var names = type.Properties.Select(p => Naming.Literal(p.JsonName)).ToList();
        writer.Call("private static readonly " + CSharpTypes.Serialization + ".ClerkJsonPropertyNames Names = new", names, ";");
        writer.Line();
        EmitRead(writer, type, settings, typeName);
        writer.Line();
        EmitWrite(writer, type, settings, typeName);
        writer.CloseBlock();
    }

    private static string NameField(int index) => "Names[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static List<string> LocalNames(TypeModel type)
    {
        var taken = new HashSet<string>(System.StringComparer.Ordinal) { "reader", "options", "typeToConvert", "writer", "value", "members" };
        return type.Properties.Select(p => Naming.Unique(Naming.Camel(p.Name), taken)).ToList();
    }

    private static void EmitRead(SourceWriter writer, TypeModel type, EmitSettings settings, string typeName)
    {
        var locals = LocalNames(type);
        ConverterSkeleton.OpenRead(writer, typeName + "?");
        writer.Lines($$"""
            if (!{{CSharpTypes.Serialization}}.ClerkJson.IsObjectStart(ref reader, "{{type.Name}}"))
            {
                return null;
            }

            """);
        for (var i = 0; i < type.Properties.Count; i++)
        {
            // Locals start empty, so a required value type is read into its nullable form.
            var property = type.Properties[i];
            var suffix = property.IsTriState || property.IsNullableInCSharp ? string.Empty : "?";
            writer.Line($"{PropertyType(property, settings)}{suffix} {locals[i]} = default;");
        }

        if (type.Properties.Count > 0)
        {
            writer.Line();
        }

        // The member reader stops only at the members the model names and keeps the others for AdditionalProperties.
        writer.Lines($$"""
            var members = new {{CSharpTypes.Serialization}}.ClerkJsonMemberReader(Names);
            while (members.MoveNext(ref reader))
            {
            """);
        writer.Indent();
        EmitReadSwitch(writer, type, settings, locals);
        writer.Outdent();
        writer.Lines($$"""
            }

            return new {{typeName}}
            {
            """);
        writer.Indent();
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            var bang = !property.IsTriState && !property.IsNullableInCSharp && !property.Type.IsValueType && property.Type.Kind != TypeReferenceKind.Json ? "!" : string.Empty;
            var valueTypeUnwrap = !property.IsTriState && !property.IsNullableInCSharp && property.Type.IsValueType ? ".GetValueOrDefault()" : string.Empty;
            writer.Line($"{property.Name} = {locals[i]}{bang}{valueTypeUnwrap},");
        }

        writer.Line(AdditionalPropertiesName(type) + " = members.AdditionalProperties,");
        writer.CloseBlock(";");
        writer.CloseBlock();
    }

    private static void EmitReadSwitch(SourceWriter writer, TypeModel type, EmitSettings settings, List<string> locals)
    {
        if (type.Properties.Count == 0)
        {
            writer.Line("// The model names no members: each one is kept in " + AdditionalPropertiesName(type) + ".");
            return;
        }

        writer.OpenBlock("switch (members.Index)");
        for (var i = 0; i < type.Properties.Count; i++)
        {
            writer.Line("case " + i.ToString(CultureInfo.InvariantCulture) + ":");
            writer.Indent();
            EmitReadCase(writer, type.Properties[i], settings, locals[i]);
            writer.Line("break;");
            writer.Outdent();
        }

        writer.CloseBlock();
    }

    private static void EmitReadCase(SourceWriter writer, PropertyModel property, EmitSettings settings, string local)
    {
        if (!property.IsTriState && CSharpTypes.ReadNullable(property.Type, settings, "reader", "options") is { } readNullable)
        {
            // A JSON null leaves the local as it starts: null.
            writer.CallStatement(local + " = " + readNullable + ";");
            return;
        }

        var read = CSharpTypes.Read(property.Type, settings, "reader", "options");
        // The local is declared with its type, so an optional's constructor needs no type name.
        var value = property.IsTriState ? "new(" + read + ")" : read;
        if (property.IsTriState && property.IsNullable)
        {
            // An explicit null is a value of its own here ("clear this"), not the same as absent.
            writer.Lines($$"""
                if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null)
                {
                    {{local}} = new(null);
                }
                else
                {
                """);
        }
        else
        {
            writer.Lines("""
                if (reader.TokenType != global::System.Text.Json.JsonTokenType.Null)
                {
                """);
        }

        writer.Indent();
        writer.CallStatement(local + " = " + value + ";");
        writer.CloseBlock();
    }

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
            else if (!property.IsNullableInCSharp && property.Type.IsValueType)
            {
                EmitWriteValue(writer, property, settings, NameField(i), access, nullable: false, writeNull: false);
            }
            else
            {
                // Required by the spec but possibly left null by a caller: null is what the wire will say.
                EmitWriteValue(writer, property, settings, NameField(i), access, nullable: true, writeNull: property.IsRequired || !property.IsNullableInCSharp);
            }
        }

        writer.Lines($$"""
            {{CSharpTypes.Serialization}}.ClerkJson.WriteAdditionalProperties(writer, value.{{AdditionalPropertiesName(type)}});
            writer.WriteEndObject();
            """);
        writer.CloseBlock();
    }

    private static void EmitWriteValue(SourceWriter writer, PropertyModel property, EmitSettings settings, string nameField, string access, bool nullable, bool writeNull)
    {
        var oneCall = nullable
            ? CSharpTypes.WriteProperty(property.Type, settings, "writer", nameField, access, "options", omitNull: !writeNull)
            : CSharpTypes.WriteValueProperty(property.Type, settings, "writer", nameField, access, "options");
        if (oneCall is not null)
        {
            writer.CallStatement(oneCall);
            return;
        }

        if (!nullable)
        {
            writer.Line("writer.WritePropertyName(" + nameField + ");");
            writer.CallStatement(CSharpTypes.Write(property.Type, settings, "writer", access, "options"));
            return;
        }

        var local = "v" + property.Name;
        writer.Lines($$"""
            if ({{access}} is { } {{local}})
            {
                writer.WritePropertyName({{nameField}});
            """);
        writer.Indent();
        writer.CallStatement(CSharpTypes.Write(property.Type, settings, "writer", local, "options"));
        writer.CloseBlock();
        if (writeNull)
        {
            writer.Lines($$"""
                else
                {
                    writer.WriteNull({{nameField}});
                }
                """);
        }
    }
}
