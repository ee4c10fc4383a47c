using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clerk.Generated.Conformance.Tests.Prism;

/// <summary>One entry of Prism's <c>sl-violations</c> header.</summary>
public sealed record PrismViolation(
    [property: JsonPropertyName("location")] IReadOnlyList<JsonElement> Location,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("code")] JsonElement Code,
    [property: JsonPropertyName("message")] string Message)
{
    /// <summary>"request" or "response": who broke the spec, the client or the spec's own example.</summary>
    public string Side => Location.Count > 0 ? Location[0].ToString() : "unknown";

    public bool IsRequest => Side == "request";

    public override string ToString() => $"[{Severity}] {string.Join('.', Location)}: {Message}";

    public static IReadOnlyList<PrismViolation> Parse(string header) =>
        JsonSerializer.Deserialize(header, PrismJsonContext.Default.IReadOnlyListPrismViolation) ?? [];
}

[JsonSerializable(typeof(IReadOnlyList<PrismViolation>))]
public sealed partial class PrismJsonContext : JsonSerializerContext;
