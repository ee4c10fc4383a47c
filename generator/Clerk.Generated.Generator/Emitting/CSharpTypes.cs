using System;
using Clerk.Generated.Generator.Model;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>How a <see cref="TypeReference"/> is spelled in C#, read from JSON and written to JSON.</summary>
internal static class CSharpTypes
{
    /// <summary>The runtime's HTTP namespace: transport, requests, errors, pagination, files.</summary>
    public const string Runtime = "global::Clerk.Generated.Http";
    /// <summary>The runtime's JSON helpers the generated converters call.</summary>
    public const string Serialization = "global::Clerk.Generated.Json";
    /// <summary>The runtime's webhook namespace: the handler registry and the event envelope.</summary>
    public const string Webhooks = "global::Clerk.Generated.Webhooks";
    /// <summary>The class of the runtime's <c>IServiceCollection</c> extensions (<c>AddClerkClient</c>).</summary>
    public const string ServiceCollectionExtensions = "global::Microsoft.Extensions.DependencyInjection.ClerkServiceCollectionExtensions";
    public const string Json = "global::System.Text.Json";
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    public const string Generic = "global::System.Collections.Generic";
    public const string Metadata = "global::System.Text.Json.Serialization.Metadata";

    /// <summary>Marks what the spec deprecates.</summary>
    public const string ObsoleteAttribute = "[global::System.Obsolete(\"Deprecated in Clerk's API.\")]";

    public static string GeneratedCodeAttribute =>
        "[global::System.CodeDom.Compiler.GeneratedCode(\"Clerk.Generated\", \"" + typeof(CSharpTypes).Assembly.GetName().Version!.ToString(3) + "\")]";

    /// <summary>The fully qualified name of a type generated into the spec's namespace.</summary>
    public static string Generated(string typeName, EmitSettings settings) => "global::" + settings.Namespace + "." + typeName;

    /// <summary>The C# type of <paramref name="type"/>, with <c>?</c> when <paramref name="nullable"/>.</summary>
    public static string Name(TypeReference type, EmitSettings settings, bool nullable = false)
    {
        var name = type.Kind switch
        {
            TypeReferenceKind.Json => JsonElement,
            TypeReferenceKind.String => "string",
            TypeReferenceKind.Int64 => "long",
            TypeReferenceKind.Double => "double",
            TypeReferenceKind.Boolean => "bool",
            TypeReferenceKind.DateTimeOffset => "global::System.DateTimeOffset",
            TypeReferenceKind.Named => Generated(type.Name!, settings),
            TypeReferenceKind.Runtime => Runtime + "." + type.Name,
            TypeReferenceKind.List => Generic + ".IReadOnlyList<" + Name(type.Element!, settings) + ">",
            TypeReferenceKind.Map => Generic + ".IReadOnlyDictionary<string, " + Name(type.Element!, settings) + ">",
            TypeReferenceKind.File => Runtime + ".ClerkFile",
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
        return nullable ? name + "?" : name;
    }

    /// <summary>The converter of a generated named type.</summary>
    public static string ConverterOf(string typeName, EmitSettings settings) =>
        Generated("Serialization." + typeName + "JsonConverter", settings);

    /// <summary>
    /// An expression reading the value at the reader's current token (not null) and leaving the reader on the
    /// value's last token.
    /// </summary>
    public static string Read(TypeReference type, EmitSettings settings, string reader, string options) => type.Kind switch
    {
        TypeReferenceKind.Json => JsonElement + ".ParseValue(ref " + reader + ")",
        TypeReferenceKind.String => reader + ".GetString()!",
        TypeReferenceKind.Int64 => reader + ".GetInt64()",
        TypeReferenceKind.Double => reader + ".GetDouble()",
        TypeReferenceKind.Boolean => reader + ".GetBoolean()",
        TypeReferenceKind.DateTimeOffset => reader + ".GetDateTimeOffset()",
        TypeReferenceKind.Named => Serialization + ".ClerkJson.Read(ref " + reader + ", " + options + ", " + ConverterOf(type.Name!, settings) + ".Instance)",
        TypeReferenceKind.Runtime => Json + ".JsonSerializer.Deserialize(ref " + reader + ", " + Runtime + ".ClerkRuntimeJsonContext.Default." + type.Name + ")!",
        TypeReferenceKind.List => Serialization + ".ClerkJson.ReadList(ref " + reader + ", " + options + ", " + ItemReader(type.Element!, settings) + ")",
        TypeReferenceKind.Map => Serialization + ".ClerkJson.ReadMap(ref " + reader + ", " + options + ", " + ItemReader(type.Element!, settings) + ")",
        TypeReferenceKind.File => throw new InvalidOperationException("Files are not read from JSON."),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// An expression reading the value at the reader's current token that is null for a JSON null, so a converter reads
    /// a property in one call; null for the kinds without such a helper (raw JSON and the runtime's types), which keep
    /// an explicit null check.
    /// </summary>
    public static string? ReadNullable(TypeReference type, EmitSettings settings, string reader, string options) => type.Kind switch
    {
        TypeReferenceKind.String or TypeReferenceKind.Int64 or TypeReferenceKind.Double or TypeReferenceKind.Boolean or TypeReferenceKind.DateTimeOffset =>
            Serialization + ".ClerkJson.Read" + type.Kind + "(ref " + reader + ")",
        TypeReferenceKind.Named => Serialization + ".ClerkJson." + (type.IsValueType ? "ReadValue" : "ReadObject") + "(ref " + reader + ", " + options + ", " + ConverterOf(type.Name!, settings) + ".Instance)",
        TypeReferenceKind.List when type.Element!.Kind != TypeReferenceKind.Runtime =>
            Serialization + ".ClerkJson.ReadNullableList(ref " + reader + ", " + options + ", " + Converter(type.Element!, settings) + ")",
        TypeReferenceKind.Map when type.Element!.Kind != TypeReferenceKind.Runtime =>
            Serialization + ".ClerkJson.ReadNullableMap(ref " + reader + ", " + options + ", " + Converter(type.Element!, settings) + ")",
        _ => null,
    };

    /// <summary>
    /// What reads one item of a list or map: a converter (the generated type's, System.Text.Json's for scalars, the
    /// runtime's for nested lists and maps), or for the runtime's own types a static lambda.
    /// </summary>
    private static string ItemReader(TypeReference type, EmitSettings settings) =>
        type.Kind == TypeReferenceKind.Runtime ? ReadLambda(type, settings) : Converter(type, settings);

    /// <summary>What writes one item of a list or map (see <see cref="ItemReader"/>).</summary>
    private static string ItemWriter(TypeReference type, EmitSettings settings) =>
        type.Kind == TypeReferenceKind.Runtime ? WriteLambda(type, settings) : Converter(type, settings);

    /// <summary>A <c>JsonConverter&lt;T&gt;</c> expression for <paramref name="type"/> (not a runtime or file type).</summary>
    public static string Converter(TypeReference type, EmitSettings settings) => type.Kind switch
    {
        TypeReferenceKind.Named => ConverterOf(type.Name!, settings) + ".Instance",
        TypeReferenceKind.List => "new " + Serialization + ".ClerkListConverter<" + Name(type.Element!, settings) + ">(" + Converter(type.Element!, settings) + ")",
        TypeReferenceKind.Map => "new " + Serialization + ".ClerkMapConverter<" + Name(type.Element!, settings) + ">(" + Converter(type.Element!, settings) + ")",
        TypeReferenceKind.Json => Metadata + ".JsonMetadataServices.JsonElementConverter",
        // System.Text.Json annotates its string converter as string?; the runtime hands it out as string.
        TypeReferenceKind.String => Serialization + ".ClerkJson.StringConverter",
        TypeReferenceKind.Int64 or TypeReferenceKind.Double or TypeReferenceKind.Boolean or TypeReferenceKind.DateTimeOffset =>
            Metadata + ".JsonMetadataServices." + type.Kind + "Converter",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>A static lambda reading one value of <paramref name="type"/>: <c>(ref reader, options) =&gt; …</c>.</summary>
    public static string ReadLambda(TypeReference type, EmitSettings settings)
    {
        var depth = Depth(type);
        var reader = "r" + depth;
        var options = "o" + depth;
        return "static (ref global::System.Text.Json.Utf8JsonReader " + reader + ", " + Json + ".JsonSerializerOptions " + options + ") => " + Read(type, settings, reader, options);
    }

    /// <summary>A statement writing <paramref name="value"/> (not null) as the next JSON value.</summary>
    public static string Write(TypeReference type, EmitSettings settings, string writer, string value, string options) => type.Kind switch
    {
        TypeReferenceKind.Json => value + ".WriteTo(" + writer + ");",
        TypeReferenceKind.String or TypeReferenceKind.DateTimeOffset => writer + ".WriteStringValue(" + value + ");",
        TypeReferenceKind.Int64 or TypeReferenceKind.Double => writer + ".WriteNumberValue(" + value + ");",
        TypeReferenceKind.Boolean => writer + ".WriteBooleanValue(" + value + ");",
        TypeReferenceKind.Named => ConverterOf(type.Name!, settings) + ".Instance.Write(" + writer + ", " + value + ", " + options + ");",
        TypeReferenceKind.Runtime => Json + ".JsonSerializer.Serialize(" + writer + ", " + value + ", " + Runtime + ".ClerkRuntimeJsonContext.Default." + type.Name + ");",
        TypeReferenceKind.List => Serialization + ".ClerkJson.WriteList(" + writer + ", " + value + ", " + options + ", " + ItemWriter(type.Element!, settings) + ");",
        TypeReferenceKind.Map => Serialization + ".ClerkJson.WriteMap(" + writer + ", " + value + ", " + options + ", " + ItemWriter(type.Element!, settings) + ");",
        TypeReferenceKind.File => throw new InvalidOperationException("Files are not written as JSON."),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// A statement writing the property <paramref name="name"/> with <paramref name="value"/>, or a null when
    /// <paramref name="value"/> is null (nothing when <paramref name="omitNull"/>), in one runtime call; null for the
    /// kinds without such a helper (raw JSON and the runtime's types).
    /// </summary>
    public static string? WriteProperty(TypeReference type, EmitSettings settings, string writer, string name, string value, string options, bool omitNull)
    {
        var helper = Serialization + ".ClerkJson.";
        var omit = "omitNull: " + (omitNull ? "true" : "false");
        return type.Kind switch
        {
            TypeReferenceKind.String or TypeReferenceKind.Int64 or TypeReferenceKind.Double or TypeReferenceKind.Boolean or TypeReferenceKind.DateTimeOffset =>
                helper + "Write" + type.Kind + "Property(" + writer + ", " + name + ", " + value + ", " + omit + ");",
            TypeReferenceKind.Named =>
                helper + (type.IsValueType ? "WriteValueProperty(" : "WriteObjectProperty(") + writer + ", " + name + ", " + value + ", " + options + ", " + ConverterOf(type.Name!, settings) + ".Instance, " + omit + ");",
            TypeReferenceKind.List or TypeReferenceKind.Map when type.Element!.Kind != TypeReferenceKind.Runtime =>
                helper + "Write" + type.Kind + "Property(" + writer + ", " + name + ", " + value + ", " + options + ", " + Converter(type.Element!, settings) + ", " + omit + ");",
            _ => null,
        };
    }

    /// <summary>
    /// A statement writing the property <paramref name="name"/> with a value type that is never null, or null when a
    /// converter must write it. It calls the same one-candidate helper as a nullable value rather than
    /// <c>Utf8JsonWriter.WriteNumber</c>, whose dozens of overloads the compiler would weigh at every call.
    /// </summary>
    public static string? WriteValueProperty(TypeReference type, EmitSettings settings, string writer, string name, string value, string options) =>
        type.Kind is TypeReferenceKind.Int64 or TypeReferenceKind.Double or TypeReferenceKind.Boolean or TypeReferenceKind.DateTimeOffset
            ? WriteProperty(type, settings, writer, name, value, options, omitNull: false)
            : null;

    /// <summary>A static lambda writing one value: <c>(writer, value, options) =&gt; …</c>.</summary>
    public static string WriteLambda(TypeReference type, EmitSettings settings)
    {
        var depth = Depth(type);
        var writer = "w" + depth;
        var value = "v" + depth;
        var options = "o" + depth;
        var statement = Write(type, settings, writer, value, options);
        return "static (" + writer + ", " + value + ", " + options + ") => " + statement.Substring(0, statement.Length - 1);
    }

    private static int Depth(TypeReference type) => type.Element is null ? 0 : 1 + Depth(type.Element);

    /// <summary>
    /// The name of the context property that holds the JsonTypeInfo of <paramref name="type"/>: a function of the
    /// type alone, so every emitter agrees on it without seeing the others' output.
    /// </summary>
    public static string ContextPropertyName(TypeReference type) => type.Kind switch
    {
        TypeReferenceKind.Named or TypeReferenceKind.Runtime => type.Name!,
        TypeReferenceKind.List => "ListOf" + ContextPropertyName(type.Element!),
        TypeReferenceKind.Map => "MapOf" + ContextPropertyName(type.Element!),
        TypeReferenceKind.Json => "JsonElement",
        _ => type.Kind.ToString(),
    };

    /// <summary>The JsonTypeInfo expression for <paramref name="type"/>, in the context or in the runtime's.</summary>
    public static string TypeInfo(TypeReference type, EmitSettings settings, string contextName) => type.Kind == TypeReferenceKind.Runtime
        ? Runtime + ".ClerkRuntimeJsonContext.Default." + type.Name
        : Generated(contextName, settings) + ".Default." + ContextPropertyName(type);
}
