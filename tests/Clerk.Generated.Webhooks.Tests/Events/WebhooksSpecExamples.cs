using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Clerk.Generated.Webhooks.Tests.Peers;
using SharpYaml.Serialization;

namespace Clerk.Generated.Webhooks.Tests.Events;

/// <summary>
/// The example payload of every event under <c>x-webhooks</c> in the webhooks spec, inline (<c>example</c>) or by
/// reference (<c>examples.*.$ref</c> into <c>components.examples</c>), converted from YAML to JSON.
/// </summary>
internal static partial class WebhooksSpecExamples
{
    private static readonly Lazy<IReadOnlyList<(string EventType, JsonObject Example)>> All = new(Load);

    public static IReadOnlyList<(string EventType, JsonObject Example)> Examples => All.Value;

    private static List<(string, JsonObject)> Load()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(RepositoryPaths.WebhooksSpec))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var components = (YamlMappingNode)Child(root, "components")!;
        var sharedExamples = Child(components, "examples") as YamlMappingNode;
        var result = new List<(string, JsonObject)>();
        foreach (var (key, operation) in (YamlMappingNode)Child(root, "x-webhooks")!)
        {
            var eventType = ((YamlScalarNode)key).Value;
            var media = (YamlMappingNode)Path(operation, "post", "requestBody", "content", "application/json")!;
            if (Child(media, "example") is { } inline)
            {
                result.Add((eventType, (JsonObject)ToJson(inline)!));
            }

            if (Child(media, "examples") is YamlMappingNode named)
            {
                foreach (var (_, example) in named)
                {
                    var value = Child((YamlMappingNode)example, "value");
                    if (value is null && Child((YamlMappingNode)example, "$ref") is YamlScalarNode reference)
                    {
                        var name = reference.Value["#/components/examples/".Length..];
                        value = Path(sharedExamples!, name, "value");
                    }

                    result.Add((eventType, (JsonObject)ToJson(value ?? throw new InvalidOperationException($"{eventType}: example without value"))!));
                }
            }
        }

        return result;
    }

    private static YamlNode? Child(YamlMappingNode node, string name)
        => node.Children.TryGetValue(new YamlScalarNode(name), out var child) ? child : null;

    private static YamlNode? Path(YamlNode node, params string[] names)
    {
        foreach (var name in names)
        {
            node = node is YamlMappingNode mapping ? Child(mapping, name)! : null!;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    // YAML 1.2 core schema for plain scalars; quoted and block scalars are always strings.
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(
            pair => KeyValuePair.Create(((YamlScalarNode)pair.Key).Value, ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: not SharpYaml.ScalarStyle.Plain } scalar => JsonValue.Create(scalar.Value),
        YamlScalarNode scalar => Plain(scalar.Value),
        _ => throw new InvalidOperationException($"Unsupported YAML node {node.GetType().Name}"),
    };

    private static JsonNode? Plain(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(bool.Parse(text));
        }

        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (FloatPattern().IsMatch(text))
        {
            return JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture));
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
