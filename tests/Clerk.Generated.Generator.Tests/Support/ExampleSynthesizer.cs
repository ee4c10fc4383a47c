using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clerk.Generated.Generator.Tests.Support;

/// <summary>
/// Builds a JSON instance of a schema of the spec, taking the spec's own <c>example</c> wherever it gives one and
/// otherwise a plain value of the right type. Two shapes: <see cref="ExampleShape.Full"/> sets every property;
/// <see cref="ExampleShape.Minimal"/> sets only the required ones, and those that may be null are null.
/// </summary>
/// <remarks>The Clerk spec carries examples on properties only (320 of them), none on whole responses or schemas.</remarks>
internal sealed class ExampleSynthesizer
{
    private const int MaxDepth = 8;
    private readonly JsonElement _root;

    public ExampleSynthesizer(JsonElement root) => _root = root;

    /// <summary>How many spec examples the instances built so far used.</summary>
    public int SpecExamplesUsed { get; private set; }

    public JsonNode? Build(JsonElement schema, ExampleShape shape) => Build(schema, shape, 0, new Stack<string>(), null);

    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            schema = Pointer(reference.GetString()!);
        }

        return schema;
    }

    public JsonElement Pointer(string pointer)
    {
        var node = _root;
        foreach (var part in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

            // Pointers of the generated model run through references (a parameter or response defined once).
            while (node.ValueKind == JsonValueKind.Object && !node.TryGetProperty(name, out _) && node.TryGetProperty("$ref", out var reference))
            {
                node = Pointer(reference.GetString()!);
            }

            node = node.ValueKind == JsonValueKind.Array ? node[int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)] : node.GetProperty(name);
        }

        return node;
    }

    /// <param name="inheritedRequired">Names an enclosing allOf lists as required (they apply to every part).</param>
    private JsonNode? Build(JsonElement schema, ExampleShape shape, int depth, Stack<string> refs, IReadOnlySet<string>? inheritedRequired)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var pointer = reference.GetString()!;
            refs.Push(pointer);
            try
            {
                return Build(Pointer(pointer), shape, depth + 1, refs, inheritedRequired);
            }
            finally
            {
                refs.Pop();
            }
        }

        if (depth <= MaxDepth && schema.TryGetProperty("example", out var example) && example.ValueKind != JsonValueKind.Null)
        {
            SpecExamplesUsed++;
            return JsonNode.Parse(example.GetRawText());
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            var parts = allOf.EnumerateArray().ToList();
            if (parts.Count == 1 && !schema.TryGetProperty("properties", out _))
            {
                return Build(parts[0], shape, depth + 1, refs, null);
            }

            var required = new HashSet<string>(RequiredOf(schema), StringComparer.Ordinal);
            required.UnionWith(inheritedRequired ?? new HashSet<string>());

            var merged = new JsonObject();
            // The schema's own keywords are one more part, when it adds properties (a bare "type: object" adds nothing).
            var own = schema.TryGetProperty("properties", out _) ? new[] { WithoutAllOf(schema) } : [];
            foreach (var part in parts.Concat(own))
            {
                if (Build(part, shape, depth + 1, refs, required) is JsonObject partObject)
                {
                    foreach (var (key, value) in partObject.ToList())
                    {
                        partObject.Remove(key);
                        merged[key] = value;
                    }
                }
            }

            return merged;
        }

        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
        {
            var typed = oneOf.EnumerateArray().Where(a => a.TryGetProperty("$ref", out _) || a.TryGetProperty("type", out _) || a.TryGetProperty("properties", out _)).ToList();
            if (typed.Count > 0)
            {
                var chosen = typed[0];
                var value = Build(chosen, shape, depth + 1, refs, null);
                if (value is JsonObject chosenObject && schema.TryGetProperty("discriminator", out var discriminator))
                {
                    var property = discriminator.GetProperty("propertyName").GetString()!;
                    chosenObject[property] = DiscriminatorValue(discriminator, chosen, chosenObject[property]);
                }

                return value;
            }
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            var first = values.EnumerateArray().FirstOrDefault(v => v.ValueKind != JsonValueKind.Null);
            return first.ValueKind == JsonValueKind.Undefined ? null : JsonNode.Parse(first.GetRawText());
        }

        var type = schema.TryGetProperty("type", out var typeElement) ? typeElement.GetString() : null;
        switch (type)
        {
            case "string":
                var format = schema.TryGetProperty("format", out var formatElement) ? formatElement.GetString() : null;
                return format == "date-time" ? "2026-05-12T10:20:30+00:00" : "text";
            case "integer":
                return 1_700_000_000_123L;
            case "number":
                return 12.5;
            case "boolean":
                return true;
            case "array":
                if (depth > MaxDepth || !schema.TryGetProperty("items", out var items))
                {
                    return new JsonArray();
                }

                var item = Build(items, shape, depth + 1, refs, null);
                return item is null ? new JsonArray() : new JsonArray(item);
            default:
                return BuildObject(schema, shape, depth, refs, type, inheritedRequired);
        }
    }

    private JsonNode? BuildObject(JsonElement schema, ExampleShape shape, int depth, Stack<string> refs, string? type, IReadOnlySet<string>? inheritedRequired)
    {
        var hasProperties = schema.TryGetProperty("properties", out var properties);
        if (!hasProperties)
        {
            if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object && additional.EnumerateObject().Any())
            {
                return new JsonObject { ["key"] = Build(additional, shape, depth + 1, refs, null) };
            }

            // Free-form: any JSON object (or, with no type at all, any JSON value) is kept as it is.
            return type == "object" || schema.TryGetProperty("additionalProperties", out _)
                ? new JsonObject { ["plan"] = "pro", ["seats"] = 3, ["nested"] = new JsonObject { ["flag"] = true } }
                : "any value";
        }

        var required = RequiredOf(schema).ToHashSet(StringComparer.Ordinal);
        required.UnionWith(inheritedRequired ?? new HashSet<string>());
        var result = new JsonObject();
        foreach (var property in properties.EnumerateObject())
        {
            var isRequired = required.Contains(property.Name);
            if (shape == ExampleShape.Minimal && !isRequired)
            {
                continue;
            }

            if (shape == ExampleShape.Minimal && IsNullable(property.Value))
            {
                result[property.Name] = null;
                continue;
            }

            // Deep optional branches are left out: they add nothing but size (and cycles stop here).
            if (!isRequired && (depth > MaxDepth || IsCycle(property.Value, refs)))
            {
                continue;
            }

            result[property.Name] = Build(property.Value, shape, depth + 1, refs, null);
        }

        return result;
    }

    private bool IsCycle(JsonElement schema, Stack<string> refs)
    {
        var pointers = new List<string>();
        Collect(schema);
        return pointers.Any(refs.Contains);

        void Collect(JsonElement element)
        {
            if (element.TryGetProperty("$ref", out var reference))
            {
                pointers.Add(reference.GetString()!);
            }

            foreach (var keyword in new[] { "allOf", "oneOf", "anyOf" })
            {
                if (element.TryGetProperty(keyword, out var parts))
                {
                    foreach (var part in parts.EnumerateArray())
                    {
                        Collect(part);
                    }
                }
            }

            if (element.TryGetProperty("items", out var items))
            {
                Collect(items);
            }
        }
    }

    private static IEnumerable<string> RequiredOf(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array
            ? required.EnumerateArray().Select(r => r.GetString()!)
            : [];

    private static bool IsNullable(JsonElement schema) =>
        schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True;

    private static JsonElement WithoutAllOf(JsonElement schema)
    {
        var copy = JsonNode.Parse(schema.GetRawText())!.AsObject();
        copy.Remove("allOf");
        return JsonDocument.Parse(copy.ToJsonString()).RootElement;
    }

    private JsonNode? DiscriminatorValue(JsonElement discriminator, JsonElement chosen, JsonNode? current)
    {
        var reference = chosen.TryGetProperty("$ref", out var r) ? r.GetString() : null;
        if (discriminator.TryGetProperty("mapping", out var mapping) && reference is not null)
        {
            foreach (var entry in mapping.EnumerateObject())
            {
                if (entry.Value.GetString() == reference)
                {
                    return entry.Name;
                }
            }
        }

        if (current is JsonValue value && value.TryGetValue<string>(out var text) && text != "text")
        {
            return text;
        }

        return reference?[(reference.LastIndexOf('/') + 1)..];
    }
}

/// <summary>Which properties a synthesized instance sets.</summary>
public enum ExampleShape
{
    Full,
    Minimal,
}
