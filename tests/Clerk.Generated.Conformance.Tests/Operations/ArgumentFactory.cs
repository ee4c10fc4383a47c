using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Clerk.Generated.Conformance.Tests.Spec;
using Clerk.Generated.Http;

namespace Clerk.Generated.Conformance.Tests.Operations;

/// <summary>The arguments for one call of a generated method, and the JSON body the factory meant to send.</summary>
public sealed record MethodArguments(object?[] Values, string? IntendedBodyJson);

/// <summary>
/// Builds arguments for a generated method from its operation in the spec: path and query parameters matched by
/// name (the C# camelCase of the spec's snake_case), a JSON body built from the body schema and read into the
/// method's body type through the generated <see cref="ClerkJsonContext"/>, multipart bodies with a small PNG.
/// </summary>
public sealed class ArgumentFactory(SpecDocument spec)
{
    private static readonly byte[] Png = System.Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static readonly JsonSerializerOptions Reflection = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private readonly ExampleFactory _examples = new(spec);

    public MethodArguments Build(GeneratedMethod method, CancellationToken cancellationToken)
    {
        var operation = spec.Operations[method.OperationId];
        var parameters = method.Method.GetParameters();
        var values = new object?[parameters.Length];
        string? bodyJson = null;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var type = parameter.ParameterType;
            if (type == typeof(CancellationToken))
            {
                values[i] = cancellationToken;
            }
            else if (parameter.Name == "pageSize")
            {
                values[i] = 2L;
            }
            else if (parameter.Name == "body")
            {
                (values[i], bodyJson) = Body(operation, type);
            }
            else if (operation.Parameters.FirstOrDefault(p => Normalize(p.Name) == Normalize(parameter.Name!)) is { } specParameter
                     && (specParameter.Required || !specParameter.Deprecated))
            {
                values[i] = Convert(_examples.Create(specParameter.Schema, specParameter.Name), type);
            }
            else
            {
                values[i] = parameter.HasDefaultValue ? parameter.DefaultValue : null;
            }
        }

        return new MethodArguments(values, bodyJson);
    }

    private (object? Value, string? Json) Body(SpecOperation operation, Type type)
    {
        if (operation.BodySchema is null)
        {
            return (null, null);
        }

        if (operation.BodyContentType == "multipart/form-data")
        {
            var form = Activator.CreateInstance(type)!;
            var schema = spec.Resolve(operation.BodySchema);
            var properties = schema["properties"] as JsonObject ?? [];
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                if (property.PropertyType == typeof(ClerkFile))
                {
                    property.SetValue(form, new ClerkFile(Png, "image.png", "image/png"));
                }
                else if (properties.FirstOrDefault(p => Normalize(p.Key) == Normalize(property.Name)) is { Value: JsonObject propertySchema } match)
                {
                    property.SetValue(form, Convert(_examples.Create(propertySchema, match.Key), property.PropertyType));
                }
            }

            return (form, null);
        }

        var json = _examples.Create(operation.BodySchema, "body");
        return (Convert(json, type), json?.ToJsonString());
    }

    /// <summary>Reads a JSON value as <paramref name="type"/>: generated types through the generated context, the rest by reflection.</summary>
    public static object? Convert(JsonNode? node, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var info = ClerkJsonContext.Default.GetTypeInfo(target);
        var json = node?.ToJsonString() ?? "null";
        return info is not null
            ? JsonSerializer.Deserialize(json, info)
            : JsonSerializer.Deserialize(json, target, Reflection);
    }

    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
