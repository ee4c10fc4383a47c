using System.Collections.Generic;
using System.Linq;
using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Parsing;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>
/// Emits one API group (<c>client.Users</c>): an async method per operation that builds the request (escaped path,
/// query, JSON or multipart body) and hands it to the runtime transport, plus an <c>IAsyncEnumerable</c> companion
/// for each paged list.
/// </summary>
internal static class GroupEmitter
{
    private const string ContextName = "ClerkJsonContext";
    private const string Transport = CSharpTypes.Runtime + ".ClerkHttpTransport";

    public static string Emit(GroupToEmit item)
    {
        var settings = item.Settings;
        var group = item.Group;
        var writer = FileHeader.Start("#pragma warning disable CS0618 // Deprecated operations still call deprecated models.");
        writer.OpenBlock("namespace " + settings.Namespace);
        writer.Doc("summary", item.Summary);
        writer.Lines($$"""
            {{CSharpTypes.GeneratedCodeAttribute}}
            {{settings.Accessibility}} sealed partial class {{group.ClassName}} : {{CSharpTypes.Generated(group.InterfaceName, settings)}}
            {
                private readonly {{Transport}} _transport;

                /// <summary>Creates the group over a transport (normally done by <c>ClerkClient</c>).</summary>
                public {{group.ClassName}}({{Transport}} transport) => _transport = transport ?? throw new global::System.ArgumentNullException(nameof(transport));
            """);
        writer.Indent();
        foreach (var operation in group.Operations)
        {
            foreach (var method in GroupMethods.Of(operation, settings))
            {
                writer.Line();
                EmitMethod(writer, method, settings);
            }

            if (GroupMethods.HasDeprecatedOptionalParameters(operation))
            {
                writer.Line();
                EmitImplementation(writer, operation, settings, "private", CoreName(operation));
            }
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    private static void EmitMethod(SourceWriter writer, GroupMethod method, EmitSettings settings)
    {
        writer.Line("/// <inheritdoc />");
        method.WriteObsolete(writer);
        switch (method.Kind)
        {
            case GroupMethodKind.Operation:
                EmitImplementation(writer, method.Operation, settings, "public", method.Name);
                break;
            case GroupMethodKind.AllPages:
                EmitPagedCompanion(writer, method, settings);
                break;
            default:
                EmitDeprecatedOverload(writer, method, settings);
                break;
        }
    }

    /// <summary>The private implementation both overloads call when an operation has deprecated parameters.</summary>
    private static string CoreName(OperationModel operation) => GroupMethods.BaseName(operation) + "CoreAsync";

    /// <summary>
    /// Deprecated parameters: the plain signature leaves them out, an [Obsolete] overload takes them, and both call
    /// one private implementation, so passing a deprecated parameter is what the compiler warns about.
    /// </summary>
    private static void EmitDeprecatedOverload(SourceWriter writer, GroupMethod method, EmitSettings settings)
    {
        var names = new HashSet<string>(method.Parameters.Select(s => s.Name), System.StringComparer.Ordinal);
        writer.Signature("public " + method.ReturnType + " " + method.Name, method.Declarations);
        writer.OpenBlock();
        var arguments = GroupMethods.AllParameters(method.Operation, settings)
            .Select(a => a.Name.TrimStart('@') + ": " + (names.Contains(a.Name) ? a.Name : "null"))
            .Append("cancellationToken: cancellationToken");
        writer.Call("return " + CoreName(method.Operation), arguments.ToList(), ";");
        writer.CloseBlock();
    }

    private static void EmitImplementation(SourceWriter writer, OperationModel operation, EmitSettings settings, string accessibility, string name)
    {
        var parameters = GroupMethods.AllParameters(operation, settings).Select(s => s.Declaration)
            .Append("global::System.Threading.CancellationToken cancellationToken = default")
            .ToList();
        writer.Signature(accessibility + " " + GroupMethods.ReturnType(operation, settings) + " " + name, parameters);
        writer.OpenBlock();
        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterIn.Path))
        {
            if (!parameter.Type.IsValueType)
            {
                writer.Line("global::System.ArgumentException.ThrowIfNullOrEmpty(" + parameter.Name + ");");
            }
        }

        if (operation.BodyType is not null && operation.IsBodyRequired)
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
        }

        writer.Call(
            "var request = new " + CSharpTypes.Runtime + ".ClerkRequest",
            new[] { CSharpTypes.Generated("ClerkEndpoints", settings) + "." + operation.EndpointName, PathExpression(operation) },
            ";");
        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterIn.Query))
        {
            writer.Line(QueryStatement(parameter));
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterIn.Header))
        {
            writer.Line("request.SetHeader(" + Naming.Literal(parameter.JsonName) + ", " + HeaderText(parameter) + ");");
        }

        EmitBody(writer, operation, settings);
        if (operation.ResponseType is { } type)
        {
            writer.Line("return _transport.SendAsync(request, " + CSharpTypes.TypeInfo(type, settings, ContextName) + ", cancellationToken);");
        }
        else
        {
            writer.Line("return _transport.SendAsync(request, cancellationToken);");
        }

        writer.CloseBlock();
    }

    /// <summary>The path as an interpolated string with each parameter escaped as one segment.</summary>
    private static string PathExpression(OperationModel operation)
    {
        var template = operation.PathTemplate;
        if (template.IndexOf('{') < 0)
        {
            return Naming.Literal(template);
        }

        var builder = new System.Text.StringBuilder("$\"");
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                builder.Append(EscapeInterpolated(template.Substring(i)));
                break;
            }

            var close = template.IndexOf('}', open);
            builder.Append(EscapeInterpolated(template.Substring(i, open - i)));
            var name = template.Substring(open + 1, close - open - 1);
            var parameter = operation.Parameters.First(p => p.Location == ParameterIn.Path && p.JsonName == name);
            var value = parameter.Type.Kind == TypeReferenceKind.String ? parameter.Name : parameter.Name + ".ToString()";
            // Parenthesized: inside an interpolation hole, "global::" would read as a format specifier.
            builder.Append("{(").Append(CSharpTypes.Runtime).Append(".ClerkPath.Escape(").Append(value).Append("))}");
            i = close + 1;
        }

        return builder.Append('"').ToString();
    }

    private static string EscapeInterpolated(string text) =>
        Naming.Literal(text).Trim('"').Replace("{", "{{").Replace("}", "}}");

    private static string QueryStatement(ParameterModel parameter)
    {
        var name = Naming.Literal(parameter.JsonName);
        var value = parameter.Name;
        switch (parameter.Type.Kind)
        {
            case TypeReferenceKind.List:
                var method = parameter.IsExploded ? "AddEach" : "AddJoined";
                return "request.Query." + method + "(" + name + ", " + TextProjection(parameter.Type.Element!, value) + ");";
            case TypeReferenceKind.Named:
                return "request.Query.Add(" + name + ", " + value + "?.Value);";
            case TypeReferenceKind.Json:
                return "request.Query.Add(" + name + ", " + value + "?.GetRawText());";
            default:
                return "request.Query." + AddMethod(parameter.Type.Kind) + "(" + name + ", " + value + ");";
        }
    }

    /// <summary>
    /// The <c>ClerkQuery</c> method that adds a scalar of <paramref name="kind"/>: each kind has a method of its own,
    /// so the compiler resolves every call against one candidate. Text (strings, enum values) goes through <c>Add</c>.
    /// </summary>
    private static string AddMethod(TypeReferenceKind kind) => kind switch
    {
        TypeReferenceKind.Int64 => "AddInt64",
        TypeReferenceKind.Double => "AddDouble",
        TypeReferenceKind.Boolean => "AddBoolean",
        TypeReferenceKind.DateTimeOffset => "AddDateTimeOffset",
        _ => "Add",
    };

    /// <summary>
    /// The text of a header parameter (OpenAPI's <c>simple</c> style: an array's items, as text in the invariant
    /// culture, joined with commas), or null to send nothing.
    /// </summary>
    private static string HeaderText(ParameterModel parameter)
    {
        var value = parameter.Name;
        var text = parameter.Type.Kind switch
        {
            TypeReferenceKind.String => value,
            TypeReferenceKind.Named when parameter.Type.IsEnum => value + (parameter.IsRequired ? ".Value" : "?.Value"),
            TypeReferenceKind.List => "global::System.String.Join(\",\", " + ItemTexts(parameter.Type.Element!, value) + ")",
            TypeReferenceKind.Boolean => (parameter.IsRequired ? value : value + ".Value") + " ? \"true\" : \"false\"",
            _ => "global::System.FormattableString.Invariant($\"{" + value + "}\")",
        };
        var mayBeNull = !parameter.IsRequired && parameter.Type.Kind is not (TypeReferenceKind.String or TypeReferenceKind.Named);
        return mayBeNull ? value + " is null ? null : " + text : text;
    }

    /// <summary>
    /// Turns a list of values that may be null into the text a query carries (null stays null).
    /// </summary>
    private static string TextProjection(TypeReference element, string value) =>
        element.Kind == TypeReferenceKind.String ? value : value + " is null ? null : " + ItemTexts(element, value);

    /// <summary>
    /// The items of a list that is not null as text, in the invariant culture. Enumerable.Select is called by its full
    /// name: the consumer's file may not import System.Linq (no implicit usings).
    /// </summary>
    private static string ItemTexts(TypeReference element, string value) => element.Kind switch
    {
        TypeReferenceKind.String => value,
        TypeReferenceKind.Named => Select(value, "item.Value"),
        TypeReferenceKind.Boolean => Select(value, "item ? \"true\" : \"false\""),
        _ => Select(value, "global::System.FormattableString.Invariant($\"{item}\")"),
    };

    private static string Select(string value, string text) =>
        "global::System.Linq.Enumerable.Select(" + value + ", static item => " + text + ")";

    private static void EmitBody(SourceWriter writer, OperationModel operation, EmitSettings settings)
    {
        if (operation.BodyType is not { } body)
        {
            return;
        }

        var target = operation.IsBodyRequired ? "body" : "bodyValue";
        if (!operation.IsBodyRequired)
        {
            writer.OpenBlock("if (body is { } bodyValue)");
        }

        switch (operation.BodyKind)
        {
            case BodyKind.Json:
                writer.Line("request.SetJsonBody(" + target + ", " + CSharpTypes.TypeInfo(body, settings, ContextName) + ");");
                break;
            case BodyKind.Multipart:
                writer.Line("var form = new " + CSharpTypes.Runtime + ".ClerkMultipartBody();");
                foreach (var field in operation.FormFields)
                {
                    writer.Line(MultipartStatement(field.Property, target));
                }

                writer.Line("request.SetMultipartBody(form);");
                break;
            default:
                // Encoded as the query is (OpenAPI's form style), by the same runtime type.
                writer.Line("var form = new " + CSharpTypes.Runtime + ".ClerkQuery();");
                foreach (var field in operation.FormFields)
                {
                    writer.Line(FormStatement(field, target));
                }

                writer.Line("request.SetFormBody(form);");
                break;
        }

        if (!operation.IsBodyRequired)
        {
            writer.CloseBlock();
        }
    }

    /// <summary>One urlencoded field: a scalar once; an array repeated (exploded form) or joined by its style.</summary>
    private static string FormStatement(FormFieldModel field, string target)
    {
        var property = field.Property;
        var name = Naming.Literal(property.JsonName);
        var value = target + "." + property.Name;
        if (property.Type.Kind == TypeReferenceKind.List)
        {
            var items = TextProjection(property.Type.Element!, value);
            return field.Style switch
            {
                FormStyle.SpaceDelimited => "form.AddJoined(" + name + ", " + items + ", \" \");",
                FormStyle.PipeDelimited => "form.AddJoined(" + name + ", " + items + ", \"|\");",
                _ => "form." + (field.Explode ? "AddEach" : "AddJoined") + "(" + name + ", " + items + ");",
            };
        }

        return property.Type.IsEnum
            ? "form.Add(" + name + ", " + value + (property.IsNullableInCSharp ? "?" : string.Empty) + ".Value);"
            : "form." + AddMethod(property.Type.Kind) + "(" + name + ", " + value + ");";
    }

    private static string MultipartStatement(PropertyModel field, string target)
    {
        var name = Naming.Literal(field.JsonName);
        var value = target + "." + field.Name;
        return field.Type.Kind switch
        {
            TypeReferenceKind.File => "form.AddFile(" + name + ", " + value + ");",
            TypeReferenceKind.String or TypeReferenceKind.Int64 or TypeReferenceKind.Boolean => "form.Add(" + name + ", " + value + ");",
            TypeReferenceKind.Named => "form.Add(" + name + ", " + value + (field.IsNullableInCSharp ? "?" : string.Empty) + ".Value);",
            _ => "form.Add(" + name + ", " + value + (field.IsNullableInCSharp ? "?" : string.Empty) + ".ToString());",
        };
    }

    private static void EmitPagedCompanion(SourceWriter writer, GroupMethod method, EmitSettings settings)
    {
        var operation = method.Operation;
        var paging = operation.Pagination!;
        var maxPageSize = GroupMethods.MaxPageSize(operation);
        var itemType = CSharpTypes.Name(paging.ItemType, settings);
        var pageType = CSharpTypes.Name(operation.ResponseType!, settings);
        writer.Signature("public " + method.ReturnType + " " + method.Name, method.Declarations);
        var arguments = method.Parameters.Select(s => s.Name.TrimStart('@') + ": " + s.Name)
            .Append("limit: limit")
            .Append("offset: offset")
            .Append("cancellationToken: token");
        var items = paging.DataProperty is null ? "page" : "page." + paging.DataProperty;
        var totalCount = paging.TotalCountProperty is null ? "null" : "(long?)page." + paging.TotalCountProperty;
        writer.Lines($$"""
            {
                if (pageSize < 1 || pageSize > {{maxPageSize}})
                {
                    throw new global::System.ArgumentOutOfRangeException(nameof(pageSize), pageSize, "The page size must be between 1 and {{maxPageSize}}.");
                }

                return {{CSharpTypes.Runtime}}.ClerkPagination.EnumerateAsync<{{pageType}}, {{itemType}}>(
            """);
        writer.Indent().Indent();
        writer.Call("(offset, limit, token) => " + operation.MethodName, arguments.ToList(), ",");
        writer.Outdent().Outdent();
        writer.Lines($$"""
                    static page => {{items}},
                    static page => {{totalCount}},
                    pageSize,
                    cancellationToken);
            }
            """);
    }
}
