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

    public static string Emit(GroupToEmit item)
    {
        var settings = item.Settings;
        var group = item.Group;
        var writer = FileHeader.Start("#pragma warning disable CS0618 // Deprecated operations still call deprecated models.");
        writer.Line("namespace " + settings.Namespace);
        writer.OpenBlock();
        writer.Doc("summary", group.Documentation ?? "The " + group.Name + " operations of the Clerk Backend API.");
        writer.Line(CSharpTypes.GeneratedCodeAttribute);
        writer.OpenBlock(settings.Accessibility + " sealed partial class " + group.ClassName);
        writer.Line("private readonly " + CSharpTypes.Runtime + ".ClerkHttpTransport _transport;");
        writer.Line();
        writer.Line("/// <summary>Creates the group over a transport (normally done by <c>ClerkClient</c>).</summary>");
        writer.Line("public " + group.ClassName + "(" + CSharpTypes.Runtime + ".ClerkHttpTransport transport) => _transport = transport ?? throw new global::System.ArgumentNullException(nameof(transport));");
        foreach (var operation in group.Operations)
        {
            writer.Line();
            EmitOperation(writer, operation, settings);
            if (operation.Pagination is not null)
            {
                writer.Line();
                EmitPagedCompanion(writer, operation, settings);
            }
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>How a signature treats the parameters the spec marks deprecated.</summary>
    private enum DeprecatedParameters
    {
        /// <summary>As the spec has them (optional where optional).</summary>
        Include,
        /// <summary>Left out: the signature callers are steered to.</summary>
        Exclude,
        /// <summary>Without defaults: the [Obsolete] overload, chosen only when a caller passes them.</summary>
        Require,
    }

    private static bool IsDeprecatedOptional(ParameterModel parameter) =>
        parameter.IsDeprecated && !parameter.IsRequired && parameter.Location == ParameterIn.Query;

    /// <summary>Parameters in the order callers write them: path, body, required query, optional query.</summary>
    private static List<(string Declaration, string Name, string? Doc)> Signature(
        OperationModel operation, EmitSettings settings, bool paged, DeprecatedParameters deprecated = DeprecatedParameters.Include)
    {
        var list = new List<(string, string, string?)>();
        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterIn.Path))
        {
            list.Add((CSharpTypes.Name(parameter.Type, settings) + " " + parameter.Name, parameter.Name, ParameterDoc(parameter)));
        }

        if (operation.BodyType is { } body && operation.IsBodyRequired)
        {
            list.Add((CSharpTypes.Name(body, settings) + " body", "body", "The request body."));
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterIn.Query && p.IsRequired))
        {
            list.Add((CSharpTypes.Name(parameter.Type, settings) + " " + parameter.Name, parameter.Name, ParameterDoc(parameter)));
        }

        if (deprecated == DeprecatedParameters.Require)
        {
            foreach (var parameter in operation.Parameters.Where(IsDeprecatedOptional))
            {
                list.Add((CSharpTypes.Name(parameter.Type, settings, nullable: true) + " " + parameter.Name, parameter.Name, ParameterDoc(parameter)));
            }
        }

        if (operation.BodyType is { } optionalBody && !operation.IsBodyRequired)
        {
            list.Add((CSharpTypes.Name(optionalBody, settings, nullable: true) + " body = null", "body", "The request body, if any."));
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterIn.Query && !p.IsRequired))
        {
            if ((paged && (parameter.JsonName == "limit" || parameter.JsonName == "offset")) ||
                (deprecated != DeprecatedParameters.Include && IsDeprecatedOptional(parameter)))
            {
                continue;
            }

            list.Add((CSharpTypes.Name(parameter.Type, settings, nullable: true) + " " + parameter.Name + " = null", parameter.Name, ParameterDoc(parameter)));
        }

        return list;
    }

    private static string? ParameterDoc(ParameterModel parameter) =>
        parameter.IsDeprecated ? "Deprecated in Clerk's API. " + parameter.Documentation : parameter.Documentation;

    private static void EmitOperation(SourceWriter writer, OperationModel operation, EmitSettings settings)
    {
        if (!operation.Parameters.Any(IsDeprecatedOptional))
        {
            EmitDocs(writer, operation, Signature(operation, settings, paged: false), null);
            EmitImplementation(writer, operation, settings, "public", operation.MethodName);
            return;
        }

        // Deprecated parameters: the plain signature leaves them out, an [Obsolete] overload takes them, and both
        // call one private implementation, so passing a deprecated parameter is what the compiler warns about.
        var core = operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) + "CoreAsync";
        var returnType = ReturnType(operation, settings);
        var all = Signature(operation, settings, paged: false);
        foreach (var mode in new[] { DeprecatedParameters.Exclude, DeprecatedParameters.Require })
        {
            var signature = Signature(operation, settings, paged: false, mode);
            var names = new HashSet<string>(signature.Select(s => s.Name), System.StringComparer.Ordinal);
            var deprecatedNames = string.Join(", ", operation.Parameters.Where(IsDeprecatedOptional).Select(p => p.JsonName));
            EmitDocs(writer, operation, signature, mode == DeprecatedParameters.Require ? "Deprecated in Clerk's API: " + deprecatedNames + "." : null);
            var parameters = signature.Select(s => s.Declaration).Append("global::System.Threading.CancellationToken cancellationToken = default").ToList();
            OpenMethod(writer, "public " + returnType + " " + operation.MethodName, parameters);
            var arguments = all.Select(a => a.Name.TrimStart('@') + ": " + (names.Contains(a.Name) ? a.Name : "null")).Append("cancellationToken: cancellationToken");
            writer.Line("return " + core + "(" + string.Join(", ", arguments) + ");");
            writer.CloseBlock();
            writer.Line();
        }

        EmitImplementation(writer, operation, settings, "private", core);
    }

    private static string ReturnType(OperationModel operation, EmitSettings settings) => operation.ResponseType is { } response
        ? "global::System.Threading.Tasks.Task<" + CSharpTypes.Name(response, settings) + ">"
        : "global::System.Threading.Tasks.Task";

    private static void EmitDocs(SourceWriter writer, OperationModel operation, List<(string Declaration, string Name, string? Doc)> signature, string? obsoleteMessage)
    {
        writer.Doc("summary", operation.Summary ?? operation.OperationId);
        writer.Doc("remarks", operation.Description);
        foreach (var (_, name, doc) in signature)
        {
            writer.Doc("param", doc ?? name, "name=\"" + name.TrimStart('@') + "\"");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        writer.Line("/// <exception cref=\"" + CSharpTypes.Runtime + ".ClerkApiException\">Clerk answered with an error status.</exception>");
        if (operation.IsDeprecated || obsoleteMessage is not null)
        {
            writer.Line("[global::System.Obsolete(" + Naming.Literal(obsoleteMessage ?? "Deprecated in Clerk's API.") + ")]");
        }
    }

    private static void EmitImplementation(SourceWriter writer, OperationModel operation, EmitSettings settings, string accessibility, string name)
    {
        var signature = Signature(operation, settings, paged: false);
        var returnType = ReturnType(operation, settings);
        var parameters = signature.Select(s => s.Declaration).Append("global::System.Threading.CancellationToken cancellationToken = default");
        OpenMethod(writer, accessibility + " " + returnType + " " + name, parameters.ToList());
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

        writer.Line("var request = new " + CSharpTypes.Runtime + ".ClerkRequest(global::System.Net.Http.HttpMethod." + HttpMethodName(operation.HttpMethod) + ", " +
            Naming.Literal(operation.OperationId) + ", " + Naming.Literal(operation.PathTemplate) + ", " + PathExpression(operation) + ");");
        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterIn.Query))
        {
            writer.Line(QueryStatement(parameter));
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

    /// <summary>Opens a method; long parameter lists go one per line, as a person would write them.</summary>
    private static void OpenMethod(SourceWriter writer, string header, List<string> parameters)
    {
        if (parameters.Count <= 2)
        {
            writer.OpenBlock(header + "(" + string.Join(", ", parameters) + ")");
            return;
        }

        writer.Line(header + "(");
        writer.Indent();
        for (var i = 0; i < parameters.Count; i++)
        {
            writer.Line(parameters[i] + (i < parameters.Count - 1 ? "," : ")"));
        }

        writer.Outdent();
        writer.OpenBlock();
    }

    private static string HttpMethodName(string method) => method switch
    {
        "GET" => "Get",
        "POST" => "Post",
        "PUT" => "Put",
        "PATCH" => "Patch",
        "DELETE" => "Delete",
        "HEAD" => "Head",
        "OPTIONS" => "Options",
        _ => "Get",
    };

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
                return "request.Query.Add(" + name + ", " + value + ");";
        }
    }

    /// <summary>
    /// Turns a list of values into the text a query carries. Enumerable.Select is called by its full name: the
    /// consumer's file may not import System.Linq (no implicit usings).
    /// </summary>
    private static string TextProjection(TypeReference element, string value) => element.Kind switch
    {
        TypeReferenceKind.String => value,
        TypeReferenceKind.Named => Project(value, "item.Value"),
        TypeReferenceKind.Boolean => Project(value, "item ? \"true\" : \"false\""),
        _ => Project(value, "global::System.FormattableString.Invariant($\"{item}\")"),
    };

    private static string Project(string value, string text) =>
        value + " is null ? null : global::System.Linq.Enumerable.Select(" + value + ", static item => " + text + ")";

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

        if (operation.BodyKind == BodyKind.Json)
        {
            writer.Line("request.SetJsonBody(" + target + ", " + CSharpTypes.TypeInfo(body, settings, ContextName) + ");");
        }
        else
        {
            writer.Line("var form = new " + CSharpTypes.Runtime + ".ClerkMultipartBody();");
            foreach (var field in operation.MultipartFields)
            {
                writer.Line(FormStatement(field, target));
            }

            writer.Line("request.SetMultipartBody(form);");
        }

        if (!operation.IsBodyRequired)
        {
            writer.CloseBlock();
        }
    }

    private static string FormStatement(PropertyModel field, string target)
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

    private static void EmitPagedCompanion(SourceWriter writer, OperationModel operation, EmitSettings settings)
    {
        var paging = operation.Pagination!;
        var signature = Signature(operation, settings, paged: true, DeprecatedParameters.Exclude);
        var itemType = CSharpTypes.Name(paging.ItemType, settings);
        var pageType = CSharpTypes.Name(operation.ResponseType!, settings);
        var name = operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) + "AllAsync";
        writer.Doc("summary", (operation.Summary ?? operation.OperationId) + " (every page).");
        writer.Line("/// <remarks>Pages lazily with limit/offset as the sequence is enumerated; stops after the last page.</remarks>");
        foreach (var (_, parameterName, doc) in signature)
        {
            writer.Doc("param", doc ?? parameterName, "name=\"" + parameterName.TrimStart('@') + "\"");
        }

        writer.Line("/// <param name=\"pageSize\">Items per request, at most " + paging.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the enumeration.</param>");
        if (operation.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in Clerk's API.\")]");
        }

        var parameters = signature.Select(s => s.Declaration)
            .Append("long pageSize = " + paging.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append("global::System.Threading.CancellationToken cancellationToken = default");
        OpenMethod(writer, "public global::System.Collections.Generic.IAsyncEnumerable<" + itemType + "> " + name, parameters.ToList());
        writer.OpenBlock("if (pageSize < 1 || pageSize > " + paging.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")");
        writer.Line("throw new global::System.ArgumentOutOfRangeException(nameof(pageSize), pageSize, \"The page size must be between 1 and " + paging.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".\");");
        writer.CloseBlock();
        writer.Line();
        var arguments = signature.Select(s => s.Name.TrimStart('@') + ": " + s.Name)
            .Append("limit: limit")
            .Append("offset: offset")
            .Append("cancellationToken: token");
        writer.Line("return " + CSharpTypes.Runtime + ".ClerkPagination.EnumerateAsync<" + pageType + ", " + itemType + ">(");
        writer.Indent();
        writer.Line("(offset, limit, token) => " + operation.MethodName + "(" + string.Join(", ", arguments) + "),");
        writer.Line(paging.DataProperty is null ? "static page => page," : "static page => page." + paging.DataProperty + ",");
        writer.Line(paging.TotalCountProperty is null ? "static page => null," : "static page => (long?)page." + paging.TotalCountProperty + ",");
        writer.Line("pageSize,");
        writer.Line("cancellationToken);");
        writer.Outdent();
        writer.CloseBlock();
    }
}
