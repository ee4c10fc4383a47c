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

    private EquatableArray<GroupModel> ParseOperations(OpenApiDocument document, SchemaResolver schemas, ApiKind kind, SecurityModel security)
    {
        var tagFilter = TagFilter();
        var tagDocs = (document.Tags ?? new List<OpenApiTag>())
            .Where(t => t.Name is not null)
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Description, StringComparer.Ordinal);
        var groups = new Dictionary<string, (string? Doc, List<OperationModel> Operations, HashSet<string> MethodNames)>(StringComparer.Ordinal);
        var groupOrder = new List<string>();
        var matchedFilters = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var endpointNames = new HashSet<string>(StringComparer.Ordinal) { "All", "ClerkEndpoints" };

        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            foreach (var entry in path.Value.Operations)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var operation = entry.Value;
                var method = entry.Key.ToString().ToUpperInvariant();
                var pointer = "#/paths/" + SpecPositionLocator.Escape(path.Key) + "/" + method.ToLowerInvariant();
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
                var endpointName = Naming.Unique(Naming.Pascal(operationId), endpointNames);
                var operationSecurity = ParseOperationSecurity(operation, path.Key, method, kind, security);
                var model = ParseOperation(schemas, path.Value, operation, operationId, endpointName, method, path.Key, group, methodName, pointer, operationSecurity);
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
        string endpointName,
        string method,
        string path,
        string group,
        string methodName,
        string pointer,
        SecurityModel? security)
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
            if (parameter is null || parameter.UnresolvedReference || parameter.Name is null || parameter.In is not (ParameterLocation.Path or ParameterLocation.Query or ParameterLocation.Header))
            {
                Report(DiagnosticDescriptors.OperationSkipped, pointer + "/parameters/" + i, operationId,
                    "parameter '" + (parameter?.Name ?? parameter?.Reference?.Id ?? "?") + "' is not a resolvable path, query or header parameter"
                    + " (cookie parameters are not generated: call the operation through ClerkRequest.ForEndpoint and set the Cookie header on the HttpClient's handler)");
                continue;
            }

            var location = parameter.In switch
            {
                ParameterLocation.Path => ParameterIn.Path,
                ParameterLocation.Header => ParameterIn.Header,
                _ => ParameterIn.Query,
            };
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
        var formFields = FormFields(schemas, operation, bodyKind, bodyType);
        var responseType = ParseResponse(schemas, operation, typePrefix, pointer);
        var limitMaximum = declared.FirstOrDefault(p => p?.Name == "limit" && p.In == ParameterLocation.Query)?.Schema?.Maximum;
        var pagination = Pagination(schemas, parameters, responseType, limitMaximum is > 0 ? (long)limitMaximum.Value : DefaultMaxPageSize);

        return new OperationModel(
            operationId,
            endpointName,
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
            formFields,
            responseType,
            pagination,
            security);
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
            var schemaPointer = bodyPointer + entry.Key.Replace("/", "~1") + "/schema";
            if (mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal))
            {
                var context = method == "PATCH" ? SchemaResolver.SchemaContext.PatchBody : SchemaResolver.SchemaContext.Inline;
                var type = schemas.Resolve(entry.Value?.Schema, typePrefix + "Request", schemaPointer, context);
                return (BodyKind.Json, type, operation.RequestBody.Required);
            }

            if (mediaType is "multipart/form-data" or "application/x-www-form-urlencoded")
            {
                if (!operation.RequestBody.Required && entry.Value?.Schema is { } fieldless && IsFieldless(fieldless))
                {
                    // An optional form that can hold no field at all (`type: object, additionalProperties: false`):
                    // sending nothing is what it describes, so the method takes no body.
                    return (BodyKind.None, null, false);
                }

                var multipart = mediaType == "multipart/form-data";
                var context = multipart ? SchemaResolver.SchemaContext.Multipart : SchemaResolver.SchemaContext.Form;
                var type = schemas.Resolve(entry.Value?.Schema, typePrefix + "Request", schemaPointer, context);
                if (type.Kind != TypeReferenceKind.Named || schemas.FindType(type) is not { Kind: TypeModelKind.Object } form)
                {
                    Report(DiagnosticDescriptors.UnsupportedContent, pointer + "/requestBody", operationId,
                        entry.Key + " without object properties (describe the body as an object whose properties are the form fields)");
                    return (BodyKind.None, null, false);
                }

                if (!multipart && form.Properties.FirstOrDefault(p => !IsFormValue(p.Type)) is { } nested)
                {
                    Report(DiagnosticDescriptors.UnsupportedContent, pointer + "/requestBody", operationId,
                        entry.Key + " with the field '" + nested.JsonName + "', which is not a scalar or an array of scalars (send this operation through ClerkRequest.ForEndpoint with SetFormBody and the fields flattened as the server expects)");
                    return (BodyKind.None, null, false);
                }

                return (multipart ? BodyKind.Multipart : BodyKind.Form, type, operation.RequestBody.Required);
            }
        }

        Report(DiagnosticDescriptors.UnsupportedContent, pointer + "/requestBody", operationId, string.Join(", ", content.Keys));
        return (BodyKind.None, null, false);
    }

    private static bool IsFieldless(OpenApiSchema schema) =>
        schema.Properties.Count == 0 && !schema.AdditionalPropertiesAllowed && schema.AllOf.Count == 0 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0;

    /// <summary>What an urlencoded field can hold: a scalar (enums included) or an array of scalars.</summary>
    private static bool IsFormValue(TypeReference type) => type.Kind switch
    {
        TypeReferenceKind.String or TypeReferenceKind.Int64 or TypeReferenceKind.Double or TypeReferenceKind.Boolean or TypeReferenceKind.DateTimeOffset => true,
        TypeReferenceKind.Named => type.IsEnum,
        TypeReferenceKind.List => type.Element!.Kind != TypeReferenceKind.List && IsFormValue(type.Element),
        _ => false,
    };

    /// <summary>The fields of a form body with the encoding the spec gives each (OpenAPI's defaults: form, exploded).</summary>
    private static EquatableArray<FormFieldModel> FormFields(SchemaResolver schemas, OpenApiOperation operation, BodyKind kind, TypeReference? body)
    {
        if (kind is not (BodyKind.Form or BodyKind.Multipart) || body is null || schemas.FindType(body) is not { } form)
        {
            return EquatableArray<FormFieldModel>.Empty;
        }

        var mediaType = kind == BodyKind.Form ? "application/x-www-form-urlencoded" : "multipart/form-data";
        var encodings = operation.RequestBody.Content
            .FirstOrDefault(c => c.Key.Split(';')[0].Trim().Equals(mediaType, StringComparison.OrdinalIgnoreCase)).Value?.Encoding;
        return form.Properties.Select(property =>
        {
            OpenApiEncoding? encoding = null;
            encodings?.TryGetValue(property.JsonName, out encoding);
            var style = encoding?.Style switch
            {
                ParameterStyle.SpaceDelimited => FormStyle.SpaceDelimited,
                ParameterStyle.PipeDelimited => FormStyle.PipeDelimited,
                _ => FormStyle.Form,
            };
            // OpenAPI: explode defaults to true for the form style only.
            return new FormFieldModel(property, style, encoding?.Explode ?? style == FormStyle.Form);
        }).ToEquatableArray();
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
