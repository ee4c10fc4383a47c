using System.Text.Json.Nodes;

namespace Clerk.Generated.Conformance.Tests.Spec;

/// <param name="Deprecated">Deprecated parameters are left out of calls: Prism warns about each use.</param>
public sealed record SpecParameter(string Name, string In, bool Required, bool Deprecated, JsonObject Schema);

public sealed record SpecOperation(
    string OperationId,
    string Method,
    string Path,
    IReadOnlyList<SpecParameter> Parameters,
    string? BodyContentType,
    JsonObject? BodySchema,
    bool BodyRequired);

/// <summary>The parts of the Clerk spec (its JSON twin) the argument factory needs: operations, parameters, bodies, schemas.</summary>
public sealed class SpecDocument
{
    private readonly JsonObject _root;

    private SpecDocument(JsonObject root)
    {
        _root = root;
        Operations = ReadOperations().ToDictionary(o => o.OperationId, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, SpecOperation> Operations { get; }

    public string Version => _root["info"]!["version"]!.GetValue<string>();

    public static SpecDocument Load(string jsonPath) =>
        new(JsonNode.Parse(File.ReadAllText(jsonPath))!.AsObject());

    /// <summary>Follows <c>$ref</c>s until a schema (or parameter, or body) that is not one.</summary>
    public JsonObject Resolve(JsonObject node)
    {
        var seen = 0;
        while (node["$ref"] is JsonValue reference)
        {
            var path = reference.GetValue<string>();
            if (!path.StartsWith("#/", StringComparison.Ordinal) || ++seen > 32)
            {
                throw new InvalidOperationException("Unsupported $ref " + path);
            }

            JsonNode current = _root;
            foreach (var segment in path[2..].Split('/'))
            {
                current = current[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
                    ?? throw new InvalidOperationException("Dangling $ref " + path);
            }

            node = current.AsObject();
        }

        return node;
    }

    private IEnumerable<SpecOperation> ReadOperations()
    {
        foreach (var (path, item) in _root["paths"]!.AsObject())
        {
            if (item is not JsonObject pathItem)
            {
                continue;
            }

            var shared = pathItem["parameters"] as JsonArray ?? [];
            foreach (var method in new[] { "get", "post", "put", "patch", "delete", "head" })
            {
                if (pathItem[method] is not JsonObject operation)
                {
                    continue;
                }

                var parameters = shared.Concat(operation["parameters"] as JsonArray ?? [])
                    .Select(p => Resolve(p!.AsObject()))
                    .Select(p => new SpecParameter(
                        p["name"]!.GetValue<string>(),
                        p["in"]!.GetValue<string>(),
                        p["required"]?.GetValue<bool>() ?? false,
                        p["deprecated"]?.GetValue<bool>() ?? false,
                        p["schema"] as JsonObject ?? new JsonObject()))
                    .ToArray();

                string? contentType = null;
                JsonObject? bodySchema = null;
                var bodyRequired = false;
                if (operation["requestBody"] is JsonObject requestBody)
                {
                    var body = Resolve(requestBody);
                    bodyRequired = body["required"]?.GetValue<bool>() ?? false;
                    if (body["content"] is JsonObject content && content.FirstOrDefault() is { Key: var type, Value: JsonObject media })
                    {
                        contentType = type;
                        bodySchema = media["schema"] as JsonObject ?? new JsonObject();
                    }
                }

                yield return new SpecOperation(
                    operation["operationId"]!.GetValue<string>(),
                    method.ToUpperInvariant(),
                    path,
                    parameters,
                    contentType,
                    bodySchema,
                    bodyRequired);
            }
        }
    }
}
