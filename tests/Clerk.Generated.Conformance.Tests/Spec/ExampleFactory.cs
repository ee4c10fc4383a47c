using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Clerk.Generated.Conformance.Tests.Spec;

/// <summary>
/// Builds a JSON value that satisfies a schema of the spec: every property (required or not, so the client's
/// serialization of each is exercised), the first branch of a <c>oneOf</c>/<c>anyOf</c>, the first enum value,
/// values that honour formats, patterns, lengths, bounds and item counts. Read-only properties are left out of
/// request bodies.
/// </summary>
public sealed class ExampleFactory(SpecDocument spec)
{
    private const int MaxDepth = 8;

    public JsonNode? Create(JsonObject schema, string name = "value") => Create(schema, name, 0);

    private JsonNode? Create(JsonObject raw, string name, int depth)
    {
        var schema = Flatten(spec.Resolve(raw));

        if (schema["enum"] is JsonArray values)
        {
            // Prefer a non-empty value: "" is a legal enum member in a few places but says nothing.
            return (values.FirstOrDefault(v => v is JsonValue s && !(s.TryGetValue<string>(out var t) && t.Length == 0)) ?? values[0])?.DeepClone();
        }

        if (schema["example"] is JsonNode example && Accepts(schema, example))
        {
            return example.DeepClone();
        }

        var type = schema["type"]?.GetValue<string>() ?? (schema["properties"] is not null ? "object" : schema["items"] is not null ? "array" : "string");
        return type switch
        {
            "object" => Object(schema, depth),
            "array" => Array(schema, name, depth),
            "integer" => Integer(schema),
            "number" => Integer(schema),
            "boolean" => JsonValue.Create(true),
            _ => JsonValue.Create(String(schema, name)),
        };
    }

    /// <summary>Merges <c>allOf</c> parts and takes the first <c>oneOf</c>/<c>anyOf</c> branch into one schema.</summary>
    private JsonObject Flatten(JsonObject schema)
    {
        if (schema["allOf"] is not JsonArray && schema["oneOf"] is not JsonArray && schema["anyOf"] is not JsonArray)
        {
            return schema;
        }

        var merged = new JsonObject();
        var properties = new JsonObject();
        var required = new HashSet<string>(StringComparer.Ordinal);

        void Absorb(JsonObject part)
        {
            part = Flatten(spec.Resolve(part));
            foreach (var (key, value) in part)
            {
                switch (key)
                {
                    case "properties":
                        foreach (var (property, propertySchema) in value!.AsObject())
                        {
                            properties[property] = propertySchema?.DeepClone();
                        }

                        break;
                    case "required":
                        foreach (var item in value!.AsArray())
                        {
                            required.Add(item!.GetValue<string>());
                        }

                        break;
                    case "allOf" or "oneOf" or "anyOf" or "discriminator":
                        break;
                    default:
                        merged[key] = value?.DeepClone();
                        break;
                }
            }
        }

        Absorb(Without(schema, "allOf", "oneOf", "anyOf"));
        foreach (var part in schema["allOf"] as JsonArray ?? [])
        {
            Absorb(part!.AsObject());
        }

        foreach (var choice in new[] { schema["oneOf"], schema["anyOf"] })
        {
            if (choice is JsonArray { Count: > 0 } branches)
            {
                Absorb(branches[0]!.AsObject());
            }
        }

        if (properties.Count > 0)
        {
            merged["properties"] = properties;
            merged["type"] ??= "object";
        }

        if (required.Count > 0)
        {
            merged["required"] = new JsonArray(required.Select(r => (JsonNode)JsonValue.Create(r)).ToArray());
        }

        return merged;
    }

    private static JsonObject Without(JsonObject schema, params string[] keys)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in schema)
        {
            if (!keys.Contains(key))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    private JsonNode Object(JsonObject schema, int depth)
    {
        var result = new JsonObject();
        var required = (schema["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, propertySchema) in properties)
            {
                var resolved = spec.Resolve(propertySchema!.AsObject());
                if (resolved["readOnly"]?.GetValue<bool>() == true)
                {
                    continue;
                }

                // Deep optional branches are cut off so recursive schemas stay finite.
                if (depth >= MaxDepth && !required.Contains(name))
                {
                    continue;
                }

                result[name] = Create(propertySchema.AsObject(), name, depth + 1);
            }
        }

        return result;
    }

    private JsonNode Array(JsonObject schema, string name, int depth)
    {
        var count = Math.Max(1, schema["minItems"]?.GetValue<int>() ?? 0);
        if (schema["maxItems"]?.GetValue<int>() is int max)
        {
            count = Math.Min(count, max);
        }

        var items = schema["items"] as JsonObject ?? new JsonObject { ["type"] = "string" };
        var array = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var item = Create(items, name, depth + 1);
            // Distinct strings keep uniqueItems satisfied.
            if (i > 0 && item is JsonValue v && v.TryGetValue<string>(out var text))
            {
                item = JsonValue.Create(text + i.ToString(CultureInfo.InvariantCulture));
            }

            array.Add(item);
        }

        return array;
    }

    private static JsonNode Integer(JsonObject schema)
    {
        // OpenAPI 3.0: exclusiveMinimum/exclusiveMaximum are booleans qualifying minimum/maximum.
        var minimum = schema["minimum"]?.GetValue<double>() + (schema["exclusiveMinimum"]?.GetValue<bool>() == true ? 1 : 0);
        var maximum = schema["maximum"]?.GetValue<double>() - (schema["exclusiveMaximum"]?.GetValue<bool>() == true ? 1 : 0);
        var value = minimum ?? 1;
        if (maximum is double m && value > m)
        {
            value = m;
        }

        return JsonValue.Create((long)Math.Ceiling(value));
    }

    private static string String(JsonObject schema, string name)
    {
        var format = schema["format"]?.GetValue<string>();
        var pattern = schema["pattern"]?.GetValue<string>();
        var value = format switch
        {
            "email" => "ada@example.com",
            "uri" or "url" => "https://example.com/callback",
            "date-time" => "2026-05-12T08:00:00Z",
            "date" => "2026-05-12",
            "uuid" => "6f1c0e4e-2f3b-4c39-9a55-0c7c1c2b8f11",
            _ => name.EndsWith("_id", StringComparison.Ordinal) ? name[..^3] + "_2x9Yk" : "example " + name,
        };

        if (pattern is not null && !Regex.IsMatch(value, pattern))
        {
            value = PatternSampler.Sample(pattern) ?? value;
        }

        var minLength = schema["minLength"]?.GetValue<int>() ?? 0;
        if (value.Length < minLength)
        {
            value = value.PadRight(minLength, 'x');
        }

        if (schema["maxLength"]?.GetValue<int>() is int maxLength && value.Length > maxLength)
        {
            value = value[..maxLength];
        }

        return value;
    }

    /// <summary>Whether an example from the spec fits its own schema's pattern and enum (some do not).</summary>
    private static bool Accepts(JsonObject schema, JsonNode example)
    {
        if (schema["pattern"]?.GetValue<string>() is { } pattern)
        {
            return example is JsonValue v && v.TryGetValue<string>(out var s) && Regex.IsMatch(s, pattern);
        }

        var type = schema["type"]?.GetValue<string>();
        return type switch
        {
            "string" => example is JsonValue v && v.TryGetValue<string>(out _),
            "integer" or "number" => example is JsonValue v && v.TryGetValue<double>(out _),
            "boolean" => example is JsonValue v && v.TryGetValue<bool>(out _),
            "array" => example is JsonArray,
            "object" => example is JsonObject,
            _ => false,
        };
    }
}
