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
    private const string Metadata = CSharpTypes.Metadata;

    public static string Emit(ContextModel spec)
    {
        var settings = spec.Settings;
        var contextName = SpecKinds.ContextName(spec.SpecKind);
        var entries = spec.Types.Select(type => new Entry(CSharpTypes.ContextPropertyName(type), type)).ToList();
        var writer = FileHeader.Start("#pragma warning disable CS0618 // Obsolete types are part of the wire format.");
        var title = Parsing.Naming.XmlEscape(spec.Title.Length > 0 ? spec.Title : "the Clerk spec");
        writer.OpenBlock("namespace " + settings.Namespace);
        writer.Lines($$"""
            /// <summary>Reflection-free JSON metadata for every type generated from {{title}}.</summary>
            {{CSharpTypes.GeneratedCodeAttribute}}
            {{settings.Accessibility}} sealed partial class {{contextName}} : global::System.Text.Json.Serialization.JsonSerializerContext, global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver
            {
                private static readonly global::System.Text.Json.JsonSerializerOptions DefaultOptions = new()
                {
                    DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
                };

                /// <summary>The shared context, with default options.</summary>
                public static {{contextName}} Default { get; } = new(new global::System.Text.Json.JsonSerializerOptions(DefaultOptions));

                /// <summary>Creates a context with default options.</summary>
                public {{contextName}}() : base(null)
                {
                }

                /// <summary>Creates a context bound to <paramref name="options"/> (which it makes its resolver).</summary>
                public {{contextName}}(global::System.Text.Json.JsonSerializerOptions options) : base(options)
                {
                }

                /// <inheritdoc/>
                protected override global::System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions { get; } = DefaultOptions;
            """);
        writer.Indent();
        foreach (var entry in entries)
        {
            var typeName = CSharpTypes.Name(entry.Type, settings);
            writer.Line();
            // A cref cannot name a constructed generic type (CS1584): lists and maps are described in words instead.
            writer.Line(entry.Type.Kind is TypeReferenceKind.List or TypeReferenceKind.Map
                ? "/// <summary>Metadata for <c>" + Parsing.Naming.XmlEscape(typeName) + "</c>.</summary>"
                : "/// <summary>Metadata for <see cref=\"" + typeName + "\"/>.</summary>");
            writer.Member("public " + Metadata + ".JsonTypeInfo<" + typeName + "> " + entry.Property, "TypeInfo<" + typeName + ">()");
        }

        writer.Lines($$"""

            /// <summary>The metadata of <typeparamref name="T"/> (the options cache it: no field per type).</summary>
            private {{Metadata}}.JsonTypeInfo<T> TypeInfo<T>() => ({{Metadata}}.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

            /// <summary>Metadata that reads and writes <typeparamref name="T"/> through <paramref name="converter"/>.</summary>
            private static {{Metadata}}.JsonTypeInfo<T> ValueInfo<T>(global::System.Text.Json.JsonSerializerOptions options, global::System.Text.Json.Serialization.JsonConverter<T> converter) =>
                {{Metadata}}.JsonMetadataServices.CreateValueInfo<T>(options, converter);
            """);

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.OpenBlock("public override global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        writer.Line("Options.TryGetTypeInfo(type, out var typeInfo);");
        writer.Line("return typeInfo;");
        writer.CloseBlock();
        writer.Line();
        writer.Signature(Metadata + ".JsonTypeInfo? " + Metadata + ".IJsonTypeInfoResolver.GetTypeInfo", new[] { "global::System.Type type", "global::System.Text.Json.JsonSerializerOptions options" });
        writer.OpenBlock();
        foreach (var entry in entries)
        {
            var typeName = CSharpTypes.Name(entry.Type, settings);
            writer.OpenBlock("if (type == typeof(" + typeName + "))");
            writer.Call("return ValueInfo", new[] { "options", ConverterExpression(entry.Type, settings) }, ";");
            writer.CloseBlock();
            writer.Line();
        }

        writer.Line("return null;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>A runtime type's lists and maps go through delegates; everything else has a converter.</summary>
    private static string ConverterExpression(TypeReference type, EmitSettings settings) => Contains(type, TypeReferenceKind.Runtime)
        ? "new " + CSharpTypes.Serialization + ".ClerkDelegateConverter<" + CSharpTypes.Name(type, settings) + ">(" + CSharpTypes.ReadLambda(type, settings) + ", " + CSharpTypes.WriteLambda(type, settings) + ")"
        : CSharpTypes.Converter(type, settings);

    private static bool Contains(TypeReference type, TypeReferenceKind kind) =>
        type.Kind == kind || (type.Element is { } element && Contains(element, kind));

    internal sealed record Entry(string Property, TypeReference Type);

    /// <summary>The context of a spec: every generated type, plus each list, map or scalar an operation sends or returns as a whole.</summary>
    public static ContextModel Model(SpecModel spec)
    {
        var entries = new List<TypeReference>();
        var seen = new HashSet<TypeReference>();
        foreach (var type in spec.Types.Where(t => !t.IsFormBody))
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

        return new ContextModel(spec.Settings, spec.SpecKind, spec.Title, entries.ToEquatableArray());

        void Add(TypeReference type)
        {
            if (type.Kind is TypeReferenceKind.Runtime or TypeReferenceKind.File || !seen.Add(type))
            {
                return;
            }

            entries.Add(type);
        }
    }
}
