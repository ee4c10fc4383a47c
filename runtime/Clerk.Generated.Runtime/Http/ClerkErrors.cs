using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clerk.Generated.Http;

/// <summary>The body of a failed Clerk API call: the spec's <c>ClerkErrors</c> schema.</summary>
public sealed class ClerkErrors
{
    /// <summary>Creates an error body.</summary>
    [JsonConstructor]
    public ClerkErrors(IReadOnlyList<ClerkError>? errors, JsonElement? meta = null, string? clerkTraceId = null)
    {
        Errors = errors ?? [];
        Meta = meta;
        ClerkTraceId = clerkTraceId;
    }

    /// <summary>The errors; empty when the body listed none.</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyList<ClerkError> Errors { get; }

    /// <summary>Free-form details, as sent.</summary>
    [JsonPropertyName("meta")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Meta { get; }

    /// <summary>The id Clerk support uses to find this request.</summary>
    [JsonPropertyName("clerk_trace_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ClerkTraceId { get; }

    /// <inheritdoc />
    public override string ToString() => string.Join("; ", Errors);
}
