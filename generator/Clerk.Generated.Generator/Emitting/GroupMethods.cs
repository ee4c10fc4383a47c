using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Parsing;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>What a public method of a group does: it is declared alike on the interface and on the class.</summary>
internal enum GroupMethodKind
{
    /// <summary>The operation, with every parameter the spec has.</summary>
    Operation,

    /// <summary>The operation without its deprecated optional parameters (the signature callers are steered to).</summary>
    WithoutDeprecatedParameters,

    /// <summary>The [Obsolete] overload taking the deprecated parameters, chosen only when a caller passes them.</summary>
    WithDeprecatedParameters,

    /// <summary>The <c>IAsyncEnumerable</c> companion of a paged list.</summary>
    AllPages,
}

/// <summary>One parameter of a generated signature: its declaration, its C# name and its doc text.</summary>
internal sealed record SignatureParameter(string Declaration, string Name, string? Documentation);

/// <summary>
/// One public method of a group: the signature and docs the interface declares and the class implements, so the two
/// can never disagree.
/// </summary>
internal sealed record GroupMethod(
    OperationModel Operation,
    GroupMethodKind Kind,
    string ReturnType,
    string Name,
    IReadOnlyList<SignatureParameter> Parameters,
    string? ObsoleteMessage)
{
    /// <summary>The declarations, cancellation token (and page size) included.</summary>
    public IReadOnlyList<string> Declarations
    {
        get
        {
            var declarations = Parameters.Select(p => p.Declaration).ToList();
            if (Kind == GroupMethodKind.AllPages)
            {
                declarations.Add("long pageSize = " + GroupMethods.MaxPageSize(Operation));
            }

            declarations.Add("global::System.Threading.CancellationToken cancellationToken = default");
            return declarations;
        }
    }

    public void WriteDocs(SourceWriter writer)
    {
        var operation = Operation;
        var summary = operation.Summary ?? operation.OperationId;
        writer.Doc("summary", Kind == GroupMethodKind.AllPages ? summary + " (every page)." : summary);
        writer.Doc("remarks", Kind == GroupMethodKind.AllPages
            ? "Pages lazily with limit/offset as the sequence is enumerated; stops after the last page."
            : operation.Description);
        foreach (var parameter in Parameters)
        {
            writer.Doc("param", parameter.Documentation ?? parameter.Name, "name=\"" + parameter.Name.TrimStart('@') + "\"");
        }

        if (Kind == GroupMethodKind.AllPages)
        {
            writer.Line("/// <param name=\"pageSize\">Items per request, at most " + GroupMethods.MaxPageSize(operation) + ".</param>");
            writer.Line("/// <param name=\"cancellationToken\">Cancels the enumeration.</param>");
        }
        else
        {
            writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
            writer.Line("/// <exception cref=\"" + CSharpTypes.Runtime + ".ClerkApiException\">Clerk answered with an error status.</exception>");
        }
    }

    public void WriteObsolete(SourceWriter writer)
    {
        if (ObsoleteMessage is not null)
        {
            writer.Line("[global::System.Obsolete(" + Naming.Literal(ObsoleteMessage) + ")]");
        }
    }
}

/// <summary>
/// The public methods of a group's operations, in the order they are written, and the parameter lists behind them:
/// path, body, required query, optional query, as callers write them.
/// </summary>
internal static class GroupMethods
{
    private const string DeprecatedInApi = "Deprecated in Clerk's API.";

    public static IEnumerable<GroupMethod> Of(OperationModel operation, EmitSettings settings)
    {
        var returnType = ReturnType(operation, settings);
        var operationObsolete = operation.IsDeprecated ? DeprecatedInApi : null;
        if (!HasDeprecatedOptionalParameters(operation))
        {
            yield return new GroupMethod(operation, GroupMethodKind.Operation, returnType, operation.MethodName,
                Signature(operation, settings, paged: false), operationObsolete);
        }
        else
        {
            var deprecatedNames = string.Join(", ", operation.Parameters.Where(IsDeprecatedOptional).Select(p => p.JsonName));
            yield return new GroupMethod(operation, GroupMethodKind.WithoutDeprecatedParameters, returnType, operation.MethodName,
                Signature(operation, settings, paged: false, DeprecatedParameters.Exclude), operationObsolete);
            yield return new GroupMethod(operation, GroupMethodKind.WithDeprecatedParameters, returnType, operation.MethodName,
                Signature(operation, settings, paged: false, DeprecatedParameters.Require), "Deprecated in Clerk's API: " + deprecatedNames + ".");
        }

        if (operation.Pagination is { } paging)
        {
            var itemType = CSharpTypes.Name(paging.ItemType, settings);
            yield return new GroupMethod(operation, GroupMethodKind.AllPages,
                "global::System.Collections.Generic.IAsyncEnumerable<" + itemType + ">", BaseName(operation) + "AllAsync",
                Signature(operation, settings, paged: true, DeprecatedParameters.Exclude), operationObsolete);
        }
    }

    /// <summary>Every parameter of the operation, as the implementation behind the public overloads takes them.</summary>
    public static IReadOnlyList<SignatureParameter> AllParameters(OperationModel operation, EmitSettings settings) =>
        Signature(operation, settings, paged: false);

    public static bool HasDeprecatedOptionalParameters(OperationModel operation) => operation.Parameters.Any(IsDeprecatedOptional);

    public static string ReturnType(OperationModel operation, EmitSettings settings) => operation.ResponseType is { } response
        ? "global::System.Threading.Tasks.Task<" + CSharpTypes.Name(response, settings) + ">"
        : "global::System.Threading.Tasks.Task";

    /// <summary>The method name without its <c>Async</c> suffix.</summary>
    public static string BaseName(OperationModel operation) =>
        operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length);

    public static string MaxPageSize(OperationModel operation) =>
        operation.Pagination!.MaxPageSize.ToString(CultureInfo.InvariantCulture);

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
        parameter.IsDeprecated && !parameter.IsRequired && parameter.Location != ParameterIn.Path;

    private static List<SignatureParameter> Signature(
        OperationModel operation, EmitSettings settings, bool paged, DeprecatedParameters deprecated = DeprecatedParameters.Include)
    {
        var list = new List<SignatureParameter>();
        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterIn.Path))
        {
            list.Add(Required(parameter, settings));
        }

        if (operation.BodyType is { } body && operation.IsBodyRequired)
        {
            list.Add(new SignatureParameter(CSharpTypes.Name(body, settings) + " body", "body", "The request body."));
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Location != ParameterIn.Path && p.IsRequired))
        {
            list.Add(Required(parameter, settings));
        }

        if (deprecated == DeprecatedParameters.Require)
        {
            foreach (var parameter in operation.Parameters.Where(IsDeprecatedOptional))
            {
                list.Add(new SignatureParameter(CSharpTypes.Name(parameter.Type, settings, nullable: true) + " " + parameter.Name, parameter.Name, Documentation(parameter)));
            }
        }

        if (operation.BodyType is { } optionalBody && !operation.IsBodyRequired)
        {
            list.Add(new SignatureParameter(CSharpTypes.Name(optionalBody, settings, nullable: true) + " body = null", "body", "The request body, if any."));
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Location != ParameterIn.Path && !p.IsRequired))
        {
            if ((paged && (parameter.JsonName == "limit" || parameter.JsonName == "offset")) ||
                (deprecated != DeprecatedParameters.Include && IsDeprecatedOptional(parameter)))
            {
                continue;
            }

            list.Add(new SignatureParameter(CSharpTypes.Name(parameter.Type, settings, nullable: true) + " " + parameter.Name + " = null", parameter.Name, Documentation(parameter)));
        }

        return list;
    }

    private static SignatureParameter Required(ParameterModel parameter, EmitSettings settings) =>
        new(CSharpTypes.Name(parameter.Type, settings) + " " + parameter.Name, parameter.Name, Documentation(parameter));

    private static string? Documentation(ParameterModel parameter) =>
        parameter.IsDeprecated ? "Deprecated in Clerk's API. " + parameter.Documentation : parameter.Documentation;
}
