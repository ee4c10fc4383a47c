using System.Collections.Generic;
using Clerk.Generated.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace Clerk.Generated.Generator.Parsing;

internal sealed partial class SpecParser
{
    /// <summary>
    /// Clerk's webhook spec lists its events under the <c>x-webhooks</c> extension, which the OpenAPI reader keeps
    /// as raw data (its $refs unresolved): each event posts <c>allOf [WebhookEventPayload, {data: $ref X}]</c>.
    /// The event's payload type is X, resolved through the components like any other schema.
    /// </summary>
    private EquatableArray<WebhookEventModel> ParseWebhookEvents(OpenApiDocument document, SchemaResolver schemas)
    {
        var events = new List<WebhookEventModel>();
        if (!document.Extensions.TryGetValue("x-webhooks", out var extension) || extension is not OpenApiObject webhooks)
        {
            return EquatableArray<WebhookEventModel>.Empty;
        }

        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var entry in webhooks)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var schema = Child(Child(Child(Child(Child(entry.Value, "post"), "requestBody"), "content"), "application/json"), "schema");
            var dataReference = FindDataReference(schema);
            var dataType = dataReference is not null && document.Components?.Schemas?.TryGetValue(dataReference, out var dataSchema) == true
                ? schemas.Resolve(dataSchema, Naming.Pascal(dataReference), "#/components/schemas/" + dataReference)
                : TypeReference.Json;
            var description = Child(Child(entry.Value, "post"), "description") is OpenApiString text ? text.Value : null;
            events.Add(new WebhookEventModel(entry.Key, Naming.Unique(Naming.Pascal(entry.Key), names), dataType, description));
        }

        return events.ToEquatableArray();
    }

    private static IOpenApiAny? Child(IOpenApiAny? node, string key) =>
        node is OpenApiObject map && map.TryGetValue(key, out var value) ? value : null;

    private static string? FindDataReference(IOpenApiAny? schema)
    {
        if (Child(Child(Child(schema, "properties"), "data"), "$ref") is OpenApiString direct)
        {
            return ComponentName(direct.Value);
        }

        if (Child(schema, "allOf") is OpenApiArray parts)
        {
            foreach (var part in parts)
            {
                if (FindDataReference(part) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static string? ComponentName(string reference)
    {
        const string prefix = "#/components/schemas/";
        return reference.StartsWith(prefix, System.StringComparison.Ordinal) ? reference.Substring(prefix.Length) : null;
    }
}
