using System.Globalization;
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
        writer.OpenBlock("namespace " + settings.Namespace);
        EmitClass(writer, type, settings, fullName);
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("namespace " + settings.Namespace + ".Serialization");
        EmitConverter(writer, type, settings, fullName);
        writer.CloseBlock();
        return writer.ToString();
    }

    private static void EmitClass(SourceWriter writer, TypeModel type, EmitSettings settings, string fullName)
    {
        var name = type.Name;
        writer.Doc("summary", type.Documentation ?? "One of several shapes; see the properties for which one this is.");
        writer.Doc("remarks", type.DiscriminatorProperty is { } discriminator
            ? "Chosen by the \"" + discriminator + "\" property; a value this version does not know is kept in Unknown."
            : "Chosen by the properties the object has; an object matching no case is kept in Unknown.");
        writer.Lines($$"""
            [global::System.Text.Json.Serialization.JsonConverter(typeof({{CSharpTypes.ConverterOf(name, settings)}}))]
            {{CSharpTypes.GeneratedCodeAttribute}}
            {{settings.Accessibility}} sealed partial class {{name}}
            {
                private readonly object? _value;

            """);
        writer.Indent();
        foreach (var unionCase in type.UnionCases)
        {
            var caseType = CSharpTypes.Name(unionCase.Type, settings);
            var store = unionCase.Type.IsValueType ? "value" : "value ?? throw new global::System.ArgumentNullException(nameof(value))";
            writer.Lines($$"""
                /// <summary>Holds a <see cref="{{Cref(caseType)}}"/>.</summary>
                public {{name}}({{caseType}} value) => _value = {{store}};

                """);
        }

        writer.Lines($$"""
            /// <summary>Holds JSON of a shape this version of the spec does not describe.</summary>
            public {{name}}(global::System.Text.Json.JsonElement unknown) => Unknown = unknown;

            """);
        foreach (var unionCase in type.UnionCases)
        {
            var caseType = CSharpTypes.Name(unionCase.Type, settings);
            var access = unionCase.Type.IsValueType ? "_value is " + caseType + " value ? value : null" : "_value as " + caseType;
            writer.Lines($$"""
                /// <summary>The value when it is a <see cref="{{Cref(caseType)}}"/>; otherwise null.</summary>
                public {{caseType}}? {{unionCase.Name}} => {{access}};

                """);
        }

        writer.Lines("""
            /// <summary>The raw JSON when the value matched no known case; otherwise null.</summary>
            public global::System.Text.Json.JsonElement? Unknown { get; }

            /// <summary>Whether the value matched no known case.</summary>
            public bool IsUnknown => _value is null;

            /// <summary>The held value: one of the case types, or the unknown JSON.</summary>
            public object Value => _value ?? Unknown!.Value;

            /// <summary>Calls the function for the case held and returns its result.</summary>
            """);
        var parameters = type.UnionCases.Select(c => "global::System.Func<" + CSharpTypes.Name(c.Type, settings) + ", TResult> " + Naming.Camel(c.Name))
            .Append("global::System.Func<global::System.Text.Json.JsonElement, TResult> unknown").ToList();
        writer.Signature("public TResult Match<TResult>", parameters);
        writer.Lines("""
            {
                return _value switch
                {
            """);
        writer.Indent().Indent();
        foreach (var unionCase in type.UnionCases)
        {
            writer.Line(CSharpTypes.Name(unionCase.Type, settings) + " value => " + Naming.Camel(unionCase.Name) + "(value),");
        }

        writer.Outdent().Outdent();
        writer.Lines("""
                    _ => unknown(Unknown!.Value),
                };
            }
            """);
        // C# has no conversions from interfaces (CS0552): list and map cases are built with the constructor.
        foreach (var unionCase in type.UnionCases.Where(c => c.Type.Kind is not (TypeReferenceKind.List or TypeReferenceKind.Map)))
        {
            var caseType = CSharpTypes.Name(unionCase.Type, settings);
            writer.Lines($$"""

                /// <summary>Wraps a <see cref="{{Cref(caseType)}}"/>.</summary>
                public static implicit operator {{fullName}}({{caseType}} value) => new(value);
                """);
        }

        writer.CloseBlock();
    }

    private static void EmitConverter(SourceWriter writer, TypeModel type, EmitSettings settings, string fullName)
    {
        ConverterSkeleton.OpenClass(writer, settings, type.Name, fullName, "Reads and writes <see cref=\"" + fullName + "\"/> without reflection.");
        if (type.DiscriminatorProperty is null && (IsObjectsOnly(type) || type.UnionCases.Count(IsObject) > 1))
        {
            EmitShapes(writer, type);
        }

        ConverterSkeleton.OpenRead(writer, fullName + "?");
        writer.Lines("""
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null)
            {
                return null;
            }

            """);
        if (!IsObjectsOnly(type))
        {
            EmitReadByToken(writer, type, settings, fullName);
        }
        else if (type.DiscriminatorProperty is { } discriminator)
        {
            writer.Lines($$"""
                // The reader holds the whole value here, so a copy can look ahead for the discriminator.
                var discriminator = {{CSharpTypes.Serialization}}.ClerkJson.PeekStringProperty(reader, {{Naming.Literal(discriminator)}}u8);
                switch (discriminator)
                {
                """);
            var labelled = type.UnionCases.Where(c => c.DiscriminatorValue is not null).Select(c => (Label: Naming.Literal(c.DiscriminatorValue!), c.Type));
            EmitReadCases(writer, settings, fullName, labelled);
        }
        else
        {
            writer.Lines($$"""
                switch ({{CSharpTypes.Serialization}}.ClerkJson.BestShape(reader, Shapes))
                {
                """);
            var numbered = type.UnionCases.Select((c, i) => (Label: i.ToString(CultureInfo.InvariantCulture), c.Type));
            EmitReadCases(writer, settings, fullName, numbered);
        }

        writer.CloseBlock();
        writer.Line();
        ConverterSkeleton.OpenWrite(writer, fullName);
        writer.Lines("""
            switch (value.Value)
            {
            """);
        writer.Indent();
        foreach (var unionCase in type.UnionCases)
        {
            writer.Line("case " + CSharpTypes.Name(unionCase.Type, settings) + " item:");
            writer.Indent();
            writer.CallStatement(CSharpTypes.Write(unionCase.Type, settings, "writer", "item", "options"));
            writer.Line("break;");
            writer.Outdent();
        }

        writer.Lines("""
            case global::System.Text.Json.JsonElement unknown:
                unknown.WriteTo(writer);
                break;
            """);
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>An object case (a generated model or a runtime type), as opposed to a scalar, enum, list or map.</summary>
    private static bool IsObject(UnionCaseModel unionCase) =>
        unionCase.Type.Kind == TypeReferenceKind.Runtime || (unionCase.Type.Kind == TypeReferenceKind.Named && !unionCase.Type.IsEnum);

    private static bool IsObjectsOnly(TypeModel type) => type.UnionCases.All(IsObject);

    /// <summary>A cref cannot name a constructed generic type (CS1584): <c>IReadOnlyList&lt;T&gt;</c> becomes its definition.</summary>
    private static string Cref(string typeName)
    {
        var open = typeName.IndexOf('<');
        return open < 0 ? typeName : typeName.Substring(0, open) + "{T}";
    }

    /// <summary>
    /// Unions with scalar, list or map cases: the JSON token says which case it is (a string, a number, true/false,
    /// an array); objects go to the object case, or are matched by shape among several.
    /// </summary>
    private static void EmitReadByToken(SourceWriter writer, TypeModel type, EmitSettings settings, string fullName)
    {
        writer.Lines("""
            switch (reader.TokenType)
            {
            """);
        writer.Indent();
        var cases = type.UnionCases;
        var strings = cases.FirstOrDefault(c => c.Type.Kind is TypeReferenceKind.String or TypeReferenceKind.DateTimeOffset || c.Type.IsEnum);
        if (strings is not null)
        {
            EmitTokenCase(writer, settings, fullName, "String", strings.Type);
        }

        var integer = cases.FirstOrDefault(c => c.Type.Kind == TypeReferenceKind.Int64);
        var number = cases.FirstOrDefault(c => c.Type.Kind == TypeReferenceKind.Double);
        if (integer is not null && number is not null)
        {
            writer.Line("case global::System.Text.Json.JsonTokenType.Number:");
            writer.Indent();
            writer.Line("return reader.TryGetInt64(out var integer) ? new " + fullName + "(integer) : new " + fullName + "(reader.GetDouble());");
            writer.Outdent();
        }
        else if (integer is not null)
        {
            // A number with a fraction is no integer: kept as unknown JSON rather than failing the whole read.
            writer.Lines($$"""
                case global::System.Text.Json.JsonTokenType.Number:
                    return reader.TryGetInt64(out var integer)
                        ? new {{fullName}}(integer)
                        : new {{fullName}}(global::System.Text.Json.JsonElement.ParseValue(ref reader));
                """);
        }
        else if (number is not null)
        {
            EmitTokenCase(writer, settings, fullName, "Number", number.Type);
        }

        if (cases.FirstOrDefault(c => c.Type.Kind == TypeReferenceKind.Boolean) is { } boolean)
        {
            writer.Line("case global::System.Text.Json.JsonTokenType.True:");
            EmitTokenCase(writer, settings, fullName, "False", boolean.Type);
        }

        if (cases.FirstOrDefault(c => c.Type.Kind == TypeReferenceKind.List) is { } list)
        {
            EmitTokenCase(writer, settings, fullName, "StartArray", list.Type);
        }

        var objects = cases.Where(IsObject).ToList();
        if (objects.Count == 0 && cases.FirstOrDefault(c => c.Type.Kind == TypeReferenceKind.Map) is { } map)
        {
            EmitTokenCase(writer, settings, fullName, "StartObject", map.Type);
        }
        else if (objects.Count == 1)
        {
            EmitTokenCase(writer, settings, fullName, "StartObject", objects[0].Type);
        }
        else if (objects.Count > 1)
        {
            writer.Line("case global::System.Text.Json.JsonTokenType.StartObject:");
            writer.Indent();
            writer.Lines($$"""
                switch ({{CSharpTypes.Serialization}}.ClerkJson.BestShape(reader, Shapes))
                {
                """);
            var numbered = objects.Select((c, i) => (Label: i.ToString(CultureInfo.InvariantCulture), c.Type));
            EmitReadCases(writer, settings, fullName, numbered);
            writer.Outdent();
        }

        writer.Lines($$"""
            default:
                return new {{fullName}}(global::System.Text.Json.JsonElement.ParseValue(ref reader));
            """);
        writer.CloseBlock();
    }

    private static void EmitTokenCase(SourceWriter writer, EmitSettings settings, string fullName, string token, TypeReference caseType)
    {
        writer.Line("case global::System.Text.Json.JsonTokenType." + token + ":");
        writer.Indent();
        writer.CallStatement("return new " + fullName + "(" + CSharpTypes.Read(caseType, settings, "reader", "options") + ");");
        writer.Outdent();
    }

    /// <summary>For shape-matched unions: each object case's required and known properties, in case order.</summary>
    private static void EmitShapes(SourceWriter writer, TypeModel type)
    {
        writer.Line("private static readonly " + CSharpTypes.Serialization + ".ClerkUnionShape[] Shapes =");
        writer.OpenBlock();
        foreach (var unionCase in type.UnionCases.Where(IsObject))
        {
            var required = "new[] { " + string.Join(", ", unionCase.RequiredJsonProperties.Select(Naming.Literal)) + " }";
            var known = "new[] { " + string.Join(", ", unionCase.KnownJsonProperties.Select(Naming.Literal)) + " }";
            writer.Call("new", new[] { required, known }, ",");
        }

        writer.CloseBlock(";");
        writer.Line();
    }

    /// <summary>The body of the read switch (opened by the caller, closed here): one case per label, then the unknown.</summary>
    private static void EmitReadCases(SourceWriter writer, EmitSettings settings, string fullName, System.Collections.Generic.IEnumerable<(string Label, TypeReference Type)> cases)
    {
        writer.Indent();
        foreach (var (label, caseType) in cases)
        {
            writer.Line("case " + label + ":");
            writer.Indent();
            writer.CallStatement("return new " + fullName + "(" + CSharpTypes.Read(caseType, settings, "reader", "options") + ");");
            writer.Outdent();
        }

        writer.Lines($$"""
            default:
                return new {{fullName}}(global::System.Text.Json.JsonElement.ParseValue(ref reader));
            """);
        writer.CloseBlock();
    }
}
