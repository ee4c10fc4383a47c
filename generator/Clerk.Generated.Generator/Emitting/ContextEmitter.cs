using System.Collections.Generic;
using System.Linq;
using Clerk.Generated.Generator.Model;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>
/// Emits the JSON context: a <c>JsonSerializerContext</c> whose metadata wraps the generated converters, so
/// <c>JsonSerializer.Serialize(user, ClerkJsonContext.Default.User)</c> works without reflection and under AOT.
/// (The System.Text.Json generator cannot see generated types, so it cannot build this for us.)
/// </summary>
internal static class ContextEmitter
{
    public static string ContextName(string specKind) => specKind == "webhooks" ? "ClerkWebhookJsonContext" : "ClerkJsonContext";

    public static string Emit(SpecModel spec)
    {
        var settings = spec.Settings;
        var contextName = ContextName(spec.SpecKind);
        var entries = Entries(spec);
        var writer = FileHeader.Start("#pragma warning disable CS0618 // Obsolete types are part of the wire format.");
        writer.Line("namespace " + settings.Namespace);
        writer.OpenBlock();
        writer.Line("/// <summary>Reflection-free JSON metadata for every type generated from " + Parsing.Naming.XmlEscape(spec.Title.Length > 0 ? spec.Title : "the Clerk spec") + ".</summary>");
        writer.Line(CSharpTypes.GeneratedCodeAttribute);
        writer.OpenBlock(settings.Accessibility + " sealed partial class " + contextName + " : global::System.Text.Json.Serialization.JsonSerializerContext, global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
        writer.Line("private static readonly global::System.Text.Json.JsonSerializerOptions DefaultOptions = new()");
        writer.OpenBlock();
        writer.Line("DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,");
        writer.CloseBlock(";");
        writer.Line();
        writer.Line("/// <summary>The shared context, with default options.</summary>");
        writer.Line("public static " + contextName + " Default { get; } = new(new global::System.Text.Json.JsonSerializerOptions(DefaultOptions));");
        writer.Line();
        writer.Line("/// <summary>Creates a context with default options.</summary>");
        writer.Line("public " + contextName + "() : base(null)");
        writer.OpenBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>Creates a context bound to <paramref name=\"options\"/> (which it makes its resolver).</summary>");
        writer.Line("public " + contextName + "(global::System.Text.Json.JsonSerializerOptions options) : base(options)");
        writer.OpenBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("protected override global::System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions { get; } = DefaultOptions;");
        foreach (var entry in entries)
        {
            var typeName = CSharpTypes.Name(entry.Type, settings);
            writer.Line();
            writer.Line("private global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + typeName + ">? _" + entry.Property + ";");
            writer.Line();
            // A cref cannot name a constructed generic type (CS1584): lists and maps are described in words instead.
            writer.Line(entry.Type.Kind is TypeReferenceKind.List or TypeReferenceKind.Map
                ? "/// <summary>Metadata for <c>" + Parsing.Naming.XmlEscape(typeName) + "</c>.</summary>"
                : "/// <summary>Metadata for <see cref=\"" + typeName + "\"/>.</summary>");
            writer.Line("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + typeName + "> " + entry.Property + " => _" + entry.Property +
                " ??= (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + typeName + ">)Options.GetTypeInfo(typeof(" + typeName + "));");
        }

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.OpenBlock("public override global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        writer.Line("Options.TryGetTypeInfo(type, out var typeInfo);");
        writer.Line("return typeInfo;");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)");
        foreach (var entry in entries)
        {
            var typeName = CSharpTypes.Name(entry.Type, settings);
            writer.OpenBlock("if (type == typeof(" + typeName + "))");
            writer.Line("return global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<" + typeName + ">(options, " + ConverterExpression(entry.Type, settings) + ");");
            writer.CloseBlock();
            writer.Line();
        }

        writer.Line("return null;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    private static string ConverterExpression(TypeReference type, EmitSettings settings) => type.Kind == TypeReferenceKind.Named
        ? CSharpTypes.ConverterOf(type.Name!, settings) + ".Instance"
        : "new " + CSharpTypes.Serialization + ".ClerkDelegateConverter<" + CSharpTypes.Name(type, settings) + ">(" + CSharpTypes.ReadLambda(type, settings) + ", " + CSharpTypes.WriteLambda(type, settings) + ")";

    internal sealed record Entry(string Property, TypeReference Type);

    /// <summary>Every generated type, plus each list, map or scalar an operation sends or returns as a whole.</summary>
    internal static List<Entry> Entries(SpecModel spec)
    {
        var entries = new List<Entry>();
        var seen = new HashSet<TypeReference>();
        foreach (var type in spec.Types.Where(t => !t.IsMultipartBody))
        {
            Add(TypeReference.Named(type.Name));
        }

        foreach (var operation in spec.Groups.SelectMany(g => g.Operations))
        {
            if (operation.BodyKind == BodyKind.Json && operation.BodyType is { } body)
            {
                Add(body);
            }

            if (operation.ResponseType is { } response)
            {
                Add(response);
            }
        }

        foreach (var webhookEvent in spec.WebhookEvents)
        {
            Add(webhookEvent.DataType);
        }

        return entries;

        void Add(TypeReference type)
        {
            if (type.Kind is TypeReferenceKind.Runtime or TypeReferenceKind.File || !seen.Add(type))
            {
                return;
            }

            entries.Add(new Entry(CSharpTypes.ContextPropertyName(type), type));
        }
    }
}
