using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.Generated.Generator.Diagnostics;
using Clerk.Generated.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace Clerk.Generated.Generator.Parsing;

/// <summary>
/// Maps OpenAPI schemas to <see cref="TypeReference"/>s, creating a <see cref="TypeModel"/> for every object,
/// enum and union on the way. Component schemas keep their (C#-ified) names; inline ones are named from where
/// they stand (operation, property, position).
/// </summary>
internal sealed class SchemaResolver
{
    /// <summary>Spec schemas that map to hand-written runtime types instead of generated ones.</summary>
    private static readonly Dictionary<string, string> RuntimeTypes = new(StringComparer.Ordinal)
    {
        ["ClerkErrors"] = "ClerkErrors",
        ["ClerkError"] = "ClerkError",
    };

    /// <summary>Names the generator uses for its own types; schemas that would take them get a suffix.</summary>
    internal static readonly string[] ReservedTypeNames =
    {
        "ClerkClient", "IClerkClient", "ClerkJsonContext", "ClerkEndpoints", "ClerkApiInfo", "ClerkWebhookEvents",
        "ClerkWebhookJsonContext", "ClerkWebhookHandlersExtensions",
        "ClerkServiceCollectionExtensions", "ClerkErrors", "ClerkError",
        // Members of the generated JSON context, and the names it gives scalar metadata.
        "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions",
        "String", "Int64", "Double", "Boolean", "DateTimeOffset", "JsonElement",
    };

    private readonly SpecParser _parser;
    private readonly IDictionary<string, OpenApiSchema> _components;
    private readonly Dictionary<string, string> _componentNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeReference> _componentTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly HashSet<string> _takenTypeNames = new(StringComparer.Ordinal);

    public SchemaResolver(SpecParser parser, OpenApiDocument document)
    {
        _parser = parser;
        _components = document.Components?.Schemas ?? new Dictionary<string, OpenApiSchema>();
        foreach (var name in ReservedTypeNames)
        {
            _takenTypeNames.Add(name);
        }
    }

    public List<TypeModel> Types { get; } = new();

    /// <summary>Reserves a name for a type the generator adds itself (group classes), suffixing on collision.</summary>
    public string ReserveTypeName(string candidate) => Naming.Unique(candidate, _takenTypeNames);

    /// <summary>The generated model of a resolved named type, for pagination and shape checks.</summary>
    public TypeModel? FindType(TypeReference reference) =>
        reference.Kind == TypeReferenceKind.Named ? Types.FirstOrDefault(t => t.Name == reference.Name) : null;

    public void ResolveComponents()
    {
        var firstOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in _components.Keys)
        {
            if (RuntimeTypes.ContainsKey(id))
            {
                continue;
            }

            var candidate = Naming.Pascal(id);
            var name = Naming.Unique(candidate, _takenTypeNames);
            if (name != candidate)
            {
                var other = firstOwner.TryGetValue(candidate, out var owner) ? owner : "a generated type";
                _parser.Report(DiagnosticDescriptors.NameCollision, Pointer(id), other, "#/components/schemas/" + id, candidate, name);
            }
            else
            {
                firstOwner[candidate] = "#/components/schemas/" + id;
            }

            _componentNames[id] = name;
        }

        foreach (var id in _components.Keys)
        {
            _parser.CancellationToken.ThrowIfCancellationRequested();
            ResolveComponent(id);
        }
    }

    private static string Pointer(string componentId) => "#/components/schemas/" + componentId;

    private TypeReference ResolveComponent(string id)
    {
        if (RuntimeTypes.TryGetValue(id, out var runtimeName))
        {
            return TypeReference.Runtime(runtimeName);
        }

        if (_componentTypes.TryGetValue(id, out var resolved))
        {
            return resolved;
        }

        if (!_componentNames.TryGetValue(id, out var name))
        {
            return TypeReference.Json;
        }

        if (!_inProgress.Add(id))
        {
            // A cycle (a schema that contains itself): by then it is being built as a named type.
            return TypeReference.Named(name);
        }

        var result = Resolve(_components[id], name, Pointer(id), SchemaContext.ComponentRoot);
        _componentTypes[id] = result;
        _inProgress.Remove(id);
        return result;
    }

    /// <summary>How a schema is being used, which changes how it is generated.</summary>
    internal enum SchemaContext
    {
        Inline,
        ComponentRoot,
        PatchBody,
        Multipart,
        /// <summary>The object of an urlencoded body: fields written by the client, no JSON converter.</summary>
        Form,
    }

    public TypeReference Resolve(OpenApiSchema? schema, string nameHint, string pointer, SchemaContext context = SchemaContext.Inline)
    {
        if (schema is null)
        {
            return TypeReference.Json;
        }

        if (schema.UnresolvedReference)
        {
            _parser.Report(DiagnosticDescriptors.UnresolvedReference, pointer, schema.Reference?.ReferenceV3 ?? schema.Reference?.Id ?? "?", pointer);
            return TypeReference.Json;
        }

        if (context != SchemaContext.ComponentRoot && ComponentId(schema) is { } componentId)
        {
            return ResolveComponent(componentId);
        }

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            if (allOf.Count == 1 && schema.Properties.Count == 0)
            {
                // The spec's way of making a $ref nullable or documenting it: the referenced type itself.
                return Resolve(allOf[0], nameHint, pointer + "/allOf/0", Inherit(context));
            }

            return BuildObject(nameHint, schema, pointer, context);
        }

        var alternatives = schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf;
        if (alternatives is { Count: > 0 })
        {
            var typed = alternatives.Where(a => a is not null && !IsConstraintOnly(a)).ToList();
            if (typed.Count == 1 && schema.Properties.Count == 0)
            {
                return Resolve(typed[0], nameHint, pointer + (schema.OneOf.Count > 0 ? "/oneOf/" : "/anyOf/") + alternatives.IndexOf(typed[0]), Inherit(context));
            }

            if (typed.Count > 1)
            {
                return BuildUnion(nameHint, schema, typed, pointer, context);
            }

            // Only "requires a or b" constraints: the schema is what its own keywords say.
        }

        if (schema.Enum is { Count: > 0 })
        {
            return ResolveEnum(schema, nameHint, pointer, context);
        }

        switch (schema.Type)
        {
            case "string":
                if (schema.Format == "date-time")
                {
                    return TypeReference.DateTimeOffset;
                }

                return schema.Format == "binary" && context == SchemaContext.Multipart ? TypeReference.File : TypeReference.String;
            case "integer":
                return TypeReference.Int64;
            case "number":
                return TypeReference.Double;
            case "boolean":
                return TypeReference.Boolean;
            case "array":
                return TypeReference.ListOf(Resolve(schema.Items, nameHint + "Item", pointer + "/items", Inherit(context)));
            case null or "object":
                if (schema.Properties.Count > 0)
                {
                    return BuildObject(nameHint, schema, pointer, context);
                }

                if (schema.AdditionalProperties is { } additional)
                {
                    return TypeReference.MapOf(Resolve(additional, nameHint + "Value", pointer + "/additionalProperties", Inherit(context)));
                }

                return schema.Type == "object" ? TypeReference.MapOf(TypeReference.Json) : TypeReference.Json;
            default:
                _parser.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "type '" + schema.Type + "'");
                return TypeReference.Json;
        }
    }

    private static SchemaContext Inherit(SchemaContext context) =>
        context == SchemaContext.Multipart ? SchemaContext.Multipart : SchemaContext.Inline;

    private string? ComponentId(OpenApiSchema schema) =>
        schema.Reference is { Id: { } id } reference && !reference.IsExternal && _components.ContainsKey(id) ? id : null;

    /// <summary>An anyOf/oneOf branch that only says which properties are required ("domain or domains").</summary>
    private static bool IsConstraintOnly(OpenApiSchema schema) =>
        schema.Reference is null && schema.Type is null && schema.Properties.Count == 0 && schema.Items is null &&
        schema.AllOf.Count == 0 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0 && schema.Enum.Count == 0;

    private string TypeName(string nameHint, SchemaContext context) =>
        context == SchemaContext.ComponentRoot ? nameHint : Naming.Unique(nameHint, _takenTypeNames);

    private TypeReference ResolveEnum(OpenApiSchema schema, string nameHint, string pointer, SchemaContext context)
    {
        if (schema.Type == "boolean")
        {
            return TypeReference.Boolean;
        }

        if (schema.Type is "integer")
        {
            return TypeReference.Int64;
        }

        if (schema.Type is "number")
        {
            return TypeReference.Double;
        }

        var values = new List<string>();
        foreach (var value in schema.Enum)
        {
            switch (value)
            {
                case OpenApiString text:
                    values.Add(text.Value);
                    break;
                case OpenApiNull:
                    break;
                default:
                    _parser.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "a non-string enum value in a string enum");
                    return TypeReference.String;
            }
        }

        // A one-value enum is a constant (the spec's `object: user` markers): a string says that without a type per use.
        if (values.Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return TypeReference.String;
        }

        var name = TypeName(nameHint, context);
        var memberNames = new HashSet<string>(StringComparer.Ordinal) { name, "Value", "IsKnown", "KnownValues" };
        var members = new List<EnumMemberModel>();
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            members.Add(new EnumMemberModel(value, Naming.Unique(EnumMemberName(value), memberNames), null));
        }

        Types.Add(new TypeModel(
            name,
            TypeModelKind.Enum,
            pointer,
            Documentation(schema),
            schema.Deprecated,
            EquatableArray<PropertyModel>.Empty,
            members.ToEquatableArray(),
            EquatableArray<UnionCaseModel>.Empty,
            null,
            IsPatchBody: false,
            IsFormBody: false));
        return TypeReference.Enum(name);
    }

    private static string EnumMemberName(string value)
    {
        if (value.Length == 0)
        {
            return "Empty";
        }

        if (value == "*")
        {
            return "Wildcard";
        }

        var name = Naming.Pascal(value);
        return value[0] == '-' ? "Minus" + name : name;
    }

    private TypeReference BuildObject(string nameHint, OpenApiSchema schema, string pointer, SchemaContext context)
    {
        var name = TypeName(nameHint, context);
        var patch = context == SchemaContext.PatchBody;
        var multipart = context == SchemaContext.Multipart;
        var form = multipart || context == SchemaContext.Form;

        var properties = new List<(string JsonName, OpenApiSchema Schema, string Pointer)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        CollectProperties(schema, pointer, properties, required, new HashSet<OpenApiSchema>());

        var memberNames = new HashSet<string>(StringComparer.Ordinal) { name };
        var models = new List<PropertyModel>();
        var seenJson = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (jsonName, propertySchema, propertyPointer) in properties)
        {
            if (!seenJson.Add(jsonName))
            {
                continue;
            }

            var candidate = Naming.Pascal(jsonName);
            if (candidate == name)
            {
                candidate += "Value";
            }

            var propertyName = Naming.Unique(candidate, memberNames);
            var type = Resolve(propertySchema, name + Naming.Pascal(jsonName), propertyPointer, multipart ? SchemaContext.Multipart : SchemaContext.Inline);
            var isRequired = required.Contains(jsonName);
            // A null schema is a $ref the reader could not resolve (reported where it reads it): any JSON, or null.
            var isNullable = propertySchema is null || propertySchema.Nullable || IsNullableWrapper(propertySchema);
            models.Add(new PropertyModel(
                jsonName,
                propertyName,
                type,
                isRequired,
                isNullable,
                IsTriState: patch && !isRequired,
                propertySchema is null ? null : Documentation(propertySchema),
                propertySchema?.Deprecated == true));
        }

        Types.Add(new TypeModel(
            name,
            TypeModelKind.Object,
            pointer,
            Documentation(schema),
            schema.Deprecated,
            models.ToEquatableArray(),
            EquatableArray<EnumMemberModel>.Empty,
            EquatableArray<UnionCaseModel>.Empty,
            null,
            IsPatchBody: patch,
            IsFormBody: form));
        return TypeReference.Named(name);
    }

    /// <summary>Own properties plus those merged in through allOf, in order, first definition winning.</summary>
    private void CollectProperties(
        OpenApiSchema schema,
        string pointer,
        List<(string, OpenApiSchema, string)> properties,
        HashSet<string> required,
        HashSet<OpenApiSchema> visited)
    {
        if (schema is null || !visited.Add(schema))
        {
            return;
        }

        for (var i = 0; i < schema.AllOf.Count; i++)
        {
            var part = schema.AllOf[i];
            var partPointer = ComponentId(part) is { } id ? Pointer(id) : pointer + "/allOf/" + i;
            CollectProperties(part, partPointer, properties, required, visited);
        }

        foreach (var property in schema.Properties)
        {
            properties.Add((property.Key, property.Value, pointer + "/properties/" + SpecPositionLocator.Escape(property.Key)));
        }

        foreach (var name in schema.Required)
        {
            required.Add(name);
        }
    }

    private TypeReference BuildUnion(string nameHint, OpenApiSchema schema, List<OpenApiSchema> alternatives, string pointer, SchemaContext context)
    {
        var name = TypeName(nameHint, context);
        var discriminator = schema.Discriminator?.PropertyName;
        var keyword = schema.OneOf.Count > 0 ? "/oneOf/" : "/anyOf/";
        var caseNames = new HashSet<string>(StringComparer.Ordinal) { name, "Value", "Unknown", "IsUnknown" };
        var cases = new List<UnionCaseModel>();
        for (var i = 0; i < alternatives.Count; i++)
        {
            var alternative = alternatives[i];
            var type = Resolve(alternative, name + "Option" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), pointer + keyword + i, Inherit(context));
            if (type.Kind is TypeReferenceKind.Json or TypeReferenceKind.File)
            {
                // An alternative that admits any JSON leaves nothing to choose by: the whole union is any JSON.
                _parser.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer,
                    "a union with an alternative of no definite type (give alternative " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " a type or a $ref)");
                return TypeReference.Json;
            }

            var properties = new List<(string, OpenApiSchema, string)>();
            var required = new HashSet<string>(StringComparer.Ordinal);
            CollectProperties(alternative, pointer, properties, required, new HashSet<OpenApiSchema>());
            var known = properties.Select(p => p.Item1).Distinct(StringComparer.Ordinal).ToList();
            cases.Add(new UnionCaseModel(
                Naming.Unique(type.DisplayName, caseNames),
                type,
                discriminator is null ? null : DiscriminatorValue(schema, alternative, discriminator),
                required.Where(known.Contains).OrderBy(r => r, StringComparer.Ordinal).ToEquatableArray(),
                known.ToEquatableArray()));
        }

        Types.Add(new TypeModel(
            name,
            TypeModelKind.Union,
            pointer,
            Documentation(schema),
            schema.Deprecated,
            EquatableArray<PropertyModel>.Empty,
            EquatableArray<EnumMemberModel>.Empty,
            cases.ToEquatableArray(),
            discriminator,
            IsPatchBody: false,
            IsFormBody: false));
        return TypeReference.Named(name);
    }

    /// <summary>The value of the discriminator that selects <paramref name="alternative"/>: explicit mapping, the
    /// alternative's one-value enum for that property, or its schema name (the OpenAPI default).</summary>
    private string? DiscriminatorValue(OpenApiSchema union, OpenApiSchema alternative, string property)
    {
        var id = ComponentId(alternative);
        if (union.Discriminator?.Mapping is { } mapping && id is not null)
        {
            foreach (var entry in mapping)
            {
                if (entry.Value == Pointer(id) || entry.Value == id)
                {
                    return entry.Key;
                }
            }
        }

        var properties = new List<(string, OpenApiSchema, string)>();
        CollectProperties(alternative, string.Empty, properties, new HashSet<string>(StringComparer.Ordinal), new HashSet<OpenApiSchema>());
        foreach (var (jsonName, schema, _) in properties)
        {
            if (schema is not null && jsonName == property && schema.Enum is { Count: 1 } && schema.Enum[0] is OpenApiString constant)
            {
                return constant.Value;
            }
        }

        return id;
    }

    /// <summary><c>allOf: [$ref]</c> next to <c>nullable: true</c> is how the spec says "this type, or null".</summary>
    private static bool IsNullableWrapper(OpenApiSchema schema) =>
        schema.AllOf.Any(part => part?.Nullable == true) || schema.OneOf.Any(part => part?.Nullable == true) || schema.AnyOf.Any(part => part?.Nullable == true);

    internal static string? Documentation(OpenApiSchema schema)
    {
        var text = string.IsNullOrWhiteSpace(schema.Description) ? schema.Title : schema.Description;
        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
