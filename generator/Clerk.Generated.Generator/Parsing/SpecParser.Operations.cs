using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.Generated.Generator.Diagnostics;
using Clerk.Generated.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Interfaces;
using Microsoft.OpenApi.Models;

namespace Clerk.Generated.Generator.Parsing;

internal sealed partial class SpecParser
{
    private const long DefaultMaxPageSize = 500;

    private EquatableArray<GroupModel> ParseOperations(OpenApiDocument document, SchemaResolver schemas)
    {
        var tagFilter = TagFilter();
        var tagDocs = (document.Tags ?? new List<OpenApiTag>())
            .Where(t => t.Name is not null)
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Description, StringComparer.Ordinal);
        var groups = new Dictionary<string, (string? Doc, List<OperationModel> Operations, HashSet<string> MethodNames)>(StringComparer.Ordinal);
        var groupOrder = new List<string>();
        var matchedFilters = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            foreach (var entry in path.Value.Operations)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var operation = entry.Value;
                var method = entry.Key.ToString().ToUpperInvariant();
                var pointer = "#/paths/" + path.Key.Replace("~", "~0").Replace("/", "~1") + "/" + method.ToLowerInvariant();
                var operationId = string.IsNullOrWhiteSpace(operation.OperationId)
                    ? Naming.Pascal(method.ToLowerInvariant() + " " + path.Key)
                    : operation.OperationId;

                var firstTag = operation.Tags?.FirstOrDefault()?.Name;
                var groupKey = Extension(operation, "x-speakeasy-group") ?? firstTag ?? "Default";
                var group = Naming.Pascal(groupKey);
                if (tagFilter is not null)
                {
                    var names = (operation.Tags ?? new List<OpenApiTag>()).Select(t => t.Name).Append(groupKey).Append(group);
                    var hit = names.FirstOrDefault(n => n is not null && tagFilter.Contains(n));
                    if (hit is null)
                    {
                        continue;
                    }

                    foreach (var name in names.Where(n => n is not null && tagFilter.Contains(n)))
                    {
                        matchedFilters.Add(name);
                    }
                }

                if (!groups.TryGetValue(group, out var groupState))
                {
                    var doc = firstTag is not null && tagDocs.TryGetValue(firstTag, out var tagDoc) ? tagDoc : null;
                    groupState = (doc, new List<OperationModel>(), new HashSet<string>(StringComparer.Ordinal) { "Transport" });
                    groups[group] = groupState;
                    groupOrder.Add(group);
                }

                var methodBase = Naming.Pascal(Extension(operation, "x-speakeasy-name-override") ?? operationId);
                var methodName = Naming.Unique(methodBase + "Async", groupState.MethodNames);
                var model = ParseOperation(schemas, path.Value, operation, operationId, method, path.Key, group, methodName, pointer);
                if (model is not null)
                {
                    groupState.Operations.Add(model);
                    if (model.Pagination is not null)
                    {
                        // Reserve the companion's name so no operation takes it.
                        groupState.MethodNames.Add(methodName.Substring(0, methodName.Length - "Async".Length) + "AllAsync");
                    }
                }
            }
        }

        if (tagFilter is not null)
        {
            foreach (var name in tagFilter.Where(n => !matchedFilters.Contains(n)))
            {
                Report(DiagnosticDescriptors.UnknownTag, null, name);
            }
        }

        return groupOrder
            .Select(g => new GroupModel(
                g,
                g,
                schemas.ReserveTypeName(g + "Api"),
                schemas.ReserveTypeName("I" + g + "Api"),
                groups[g].Doc,
                groups[g].Operations.ToEquatableArray()))
            .ToEquatableArray();
    }

    private HashSet<string>? TagFilter()
    {
        if (string.IsNullOrWhiteSpace(_input.Tags))
        {
            return null;
        }

        return new HashSet<string>(
            _input.Tags!.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim()).Where(t => t.Length > 0),
            StringComparer.OrdinalIgnoreCase);
    }

    private static string? Extension(IOpenApiExtensible element, string name) =>
        element.Extensions.TryGetValue(name, out var value) && value is OpenApiString text && !string.IsNullOrWhiteSpace(text.Value)
            ? text.Value
            : null;

    private OperationModel? ParseOperation(
        SchemaResolver schemas,
        OpenApiPathItem pathItem,
        OpenApiOperation operation,
        string operationId,
        string method,
        string path,
        string group,
        string methodName,
        string pointer)
    {
        var typePrefix = Naming.Pascal(operationId);
        var parameterNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken", "body", "request", "pageSize" };
        var parameters = new List<ParameterModel>();
        var declared = new List<OpenApiParameter>(operation.Parameters ?? new List<OpenApiParameter>());
        foreach (var shared in pathItem.Parameters ?? new List<OpenApiParameter>())
        {
            if (shared is not null && !declared.Any(p => p?.Name == shared.Name && p?.In == shared.In))
            {
                declared.Add(shared);
            }
        }

        for (var i = 0; i < declared.Count; i++)
        {
            var parameter = declared[i];
            if (parameter is null || parameter.UnresolvedReference || parameter.Name is null || parameter.In is not (ParameterLocation.Path or ParameterLocation.Query))
            {
                Report(DiagnosticDescriptors.OperationSkipped, pointer + "/parameters/" + i, operationId,
                    "parameter '" + (parameter?.Name ?? parameter?.Reference?.Id ?? "?") + "' is not a resolvable path or query parameter");
                continue;
            }

            var location = parameter.In == ParameterLocation.Path ? ParameterIn.Path : ParameterIn.Query;
            var type = schemas.Resolve(parameter.Schema, typePrefix + Naming.Pascal(parameter.Name), pointer + "/parameters/" + i + "/schema");
            parameters.Add(new ParameterModel(
                parameter.Name,
                Naming.Unique(Naming.Camel(parameter.Name), parameterNames),
                location,
                type,
                location == ParameterIn.Path || parameter.Required,
                parameter.Explode,
                parameter.Description?.Trim(),
                parameter.Deprecated));
        }

        foreach (var placeholder in PathPlaceholders(path))
        {
            if (!parameters.Any(p => p.Location == ParameterIn.Path && p.JsonName == placeholder))
            {
                Report(DiagnosticDescriptors.OperationSkipped, pointer, operationId, "path parameter '" + placeholder + "' is not declared");
                return null;
            }
        }

        var (bodyKind, bodyType, bodyRequired) = ParseBody(schemas, operation, operationId, method, typePrefix, pointer);
        var multipartFields = bodyKind == BodyKind.Multipart && bodyType is not null && schemas.FindType(bodyType) is { } form
            ? form.Properties
            : EquatableArray<PropertyModel>.Empty;
        var responseType = ParseResponse(schemas, operation, typePrefix, pointer);
        var limitMaximum = declared.FirstOrDefault(p => p?.Name == "limit" && p.In == ParameterLocation.Query)?.Schema?.Maximum;
        var pagination = Pagination(schemas, parameters, responseType, limitMaximum is > 0 ? (long)limitMaximum.Value : DefaultMaxPageSize);

        return new OperationModel(
            operationId,
            methodName,
            method,
            path,
            group,
            operation.Summary?.Trim(),
            operation.Description?.Trim(),
            operation.Deprecated,
            parameters.ToEquatableArray(),
            bodyKind,
            bodyType,
            bodyRequired,
            multipartFields,
            responseType,
            pagination);
    }

    private static IEnumerable<string> PathPlaceholders(string path)
    {
        var start = path.IndexOf('{');
        while (start >= 0)
        {
            var end = path.IndexOf('}', start);
            if (end < 0)
            {
                yield break;
            }

            yield return path.Substring(start + 1, end - start - 1);
            start = path.IndexOf('{', end);
        }
    }

    private (BodyKind Kind, TypeReference? Type, bool Required) ParseBody(
        SchemaResolver schemas, OpenApiOperation operation, string operationId, string method, string typePrefix, string pointer)
    {
        if (operation.RequestBody?.Content is not { Count: > 0 } content)
        {
            return (BodyKind.None, null, false);
        }

        var bodyPointer = pointer + "/requestBody/content/";
        foreach (var entry in content)
        {
            var mediaType = entry.Key.Split(';')[0].Trim().ToLowerInvariant();
            if (mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal))
            {
                var context = method == "PATCH" ? SchemaResolver.SchemaContext.PatchBody : SchemaResolver.SchemaContext.Inline;
                var type = schemas.Resolve(entry.Value?.Schema, typePrefix + "Request", bodyPointer + entry.Key.Replace("/", "~1") + "/schema", context);
                return (BodyKind.Json, type, operation.RequestBody.Required);
            }

            if (mediaType == "multipart/form-data")
            {
                var type = schemas.Resolve(entry.Value?.Schema, typePrefix + "Request", bodyPointer + entry.Key.Replace("/", "~1") + "/schema", SchemaResolver.SchemaContext.Multipart);
                if (type.Kind != TypeReferenceKind.Named)
                {
                    Report(DiagnosticDescriptors.UnsupportedContent, pointer + "/requestBody", operationId, entry.Key + " without object properties");
                    return (BodyKind.None, null, false);
                }

                return (BodyKind.Multipart, type, operation.RequestBody.Required);
            }
        }

        Report(DiagnosticDescriptors.UnsupportedContent, pointer + "/requestBody", operationId, string.Join(", ", content.Keys));
        return (BodyKind.None, null, false);
    }

    private static TypeReference? ParseResponse(SchemaResolver schemas, OpenApiOperation operation, string typePrefix, string pointer)
    {
        var success = (operation.Responses ?? new OpenApiResponses())
            .Where(r => r.Key.StartsWith("2", StringComparison.Ordinal))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var response in success)
        {
            // A response $ref the reader could not resolve is null here (reported by the reader): no typed body.
            foreach (var content in response.Value?.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                var mediaType = content.Key.Split(';')[0].Trim().ToLowerInvariant();
                if (mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal))
                {
                    var responsePointer = response.Value!.Reference is { Id: { } id }
                        ? "#/components/responses/" + id + "/content/" + content.Key.Replace("/", "~1") + "/schema"
                        : pointer + "/responses/" + response.Key + "/content/" + content.Key.Replace("/", "~1") + "/schema";
                    return schemas.Resolve(content.Value?.Schema, typePrefix + "Response", responsePointer);
                }
            }
        }

        return null;
    }

    private static PaginationModel? Pagination(SchemaResolver schemas, List<ParameterModel> parameters, TypeReference? response, long maxPageSize)
    {
        // Some operations type limit/offset (and total_count) as "number" rather than "integer": they page the same way.
        static bool IsNumber(TypeReference type) => type.Kind is TypeReferenceKind.Int64 or TypeReferenceKind.Double;
        var limit = parameters.FirstOrDefault(p => p.JsonName == "limit" && p.Location == ParameterIn.Query && IsNumber(p.Type));
        var offset = parameters.FirstOrDefault(p => p.JsonName == "offset" && p.Location == ParameterIn.Query && IsNumber(p.Type));
        if (limit is null || offset is null || response is null)
        {
            return null;
        }

        if (response.Kind == TypeReferenceKind.List)
        {
            return new PaginationModel(response.Element!, null, null, maxPageSize);
        }

        if (schemas.FindType(response) is { Kind: TypeModelKind.Object } page)
        {
            // The items are in "data", or in the page's only list (GetM2MTokens pages "m2m_tokens").
            var lists = page.Properties.Where(p => p.Type.Kind == TypeReferenceKind.List).ToList();
            var data = lists.FirstOrDefault(p => p.JsonName == "data") ?? (lists.Count == 1 ? lists[0] : null);
            var total = page.Properties.FirstOrDefault(p => p.JsonName == "total_count" && IsNumber(p.Type));
            if (data is not null)
            {
                return new PaginationModel(data.Type.Element!, data.Name, total?.Name, maxPageSize);
            }
        }

        return null;
    }
}
