using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clerk.Generated.Generator.Tests.Support;

/// <summary>
/// Semantic JSON comparison: object properties in any order, numbers by value, date-time strings by instant.
/// Absent and null are different (that difference is what PATCH bodies and required-nullable properties are about).
/// </summary>
internal static class JsonComparer
{
    public static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (null, null):
                return;
            case (null, _) or (_, null):
                differences.Add($"{path}: {Text(expected)} became {Text(actual)}");
                return;
            case (JsonObject left, JsonObject right):
                foreach (var (key, value) in left)
                {
                    if (!right.TryGetPropertyValue(key, out var other))
                    {
                        differences.Add($"{path}.{key}: dropped");
                        continue;
                    }

                    Compare(value, other, path + "." + key, differences);
                }

                foreach (var (key, value) in right.Where(p => !left.ContainsKey(p.Key)))
                {
                    differences.Add($"{path}.{key}: added as {Text(value)}");
                }

                return;
            case (JsonArray left, JsonArray right):
                if (left.Count != right.Count)
                {
                    differences.Add($"{path}: {left.Count} items became {right.Count}");
                    return;
                }

                for (var i = 0; i < left.Count; i++)
                {
                    Compare(left[i], right[i], $"{path}[{i}]", differences);
                }

                return;
            case (JsonValue left, JsonValue right):
                if (!ValuesEqual(left, right))
                {
                    differences.Add($"{path}: {Text(left)} became {Text(right)}");
                }

                return;
            default:
                differences.Add($"{path}: {Text(expected)} became {Text(actual)}");
                return;
        }
    }

    private static bool ValuesEqual(JsonValue left, JsonValue right)
    {
        if (JsonNode.DeepEquals(left, right))
        {
            return true;
        }

        if (left.GetValueKind() == JsonValueKind.Number && right.GetValueKind() == JsonValueKind.Number)
        {
            return decimal.Parse(left.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) ==
                decimal.Parse(right.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return left.GetValueKind() == JsonValueKind.String && right.GetValueKind() == JsonValueKind.String &&
            left.GetValue<string>().Contains('T') &&
            DateTimeOffset.TryParse(left.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var a) &&
            DateTimeOffset.TryParse(right.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var b) &&
            a == b;
    }

    private static string Text(JsonNode? node) => node is null ? "null" : node.ToJsonString();
}
