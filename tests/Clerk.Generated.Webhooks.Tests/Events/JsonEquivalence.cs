using System.Text.Json.Nodes;

namespace Clerk.Generated.Webhooks.Tests.Events;

/// <summary>
/// JSON equality as a model sees it: property order does not matter, and a property that is null counts as absent
/// (an optional property the model leaves unset is not written back).
/// </summary>
internal static class JsonEquivalence
{
    public static bool AreEquivalent(JsonNode? expected, JsonNode? actual, out string difference)
    {
        difference = Compare(expected, actual, "$") ?? string.Empty;
        return difference.Length == 0;
    }

    private static string? Compare(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case null:
                return actual is null ? null : $"{path}: expected null, got {actual.ToJsonString()}";
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    return $"{path}: expected an object, got {actual?.ToJsonString() ?? "null"}";
                }

                foreach (var name in expectedObject.Select(p => p.Key).Union(actualObject.Select(p => p.Key)))
                {
                    expectedObject.TryGetPropertyValue(name, out var left);
                    actualObject.TryGetPropertyValue(name, out var right);
                    if (Compare(left, right, path + "." + name) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray || actualArray.Count != expectedArray.Count)
                {
                    return $"{path}: expected {expectedArray.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}";
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    if (Compare(expectedArray[i], actualArray[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return actual is JsonValue && JsonNode.DeepEquals(expected, actual)
                    ? null
                    : $"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}";
        }
    }
}
