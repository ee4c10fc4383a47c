using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clerk.Generated.Http;

/// <summary>One error of a failed Clerk API call: the spec's <c>ClerkError</c> schema.</summary>
public sealed class ClerkError
{
    /// <summary>Creates an error.</summary>
    [JsonConstructor]
    public ClerkError(string? message, string? longMessage, string? code, JsonElement? meta = null)
    {
        Message = message ?? string.Empty;
        LongMessage = longMessage ?? string.Empty;
        Code = code ?? string.Empty;
        Meta = meta;
    }

    /// <summary>A short, human-readable message.</summary>
    [JsonPropertyName("message")]
    public string Message { get; }

    /// <summary>A longer, more detailed message.</summary>
    [JsonPropertyName("long_message")]
    public string LongMessage { get; }

    /// <summary>A stable machine-readable code, for example <c>resource_not_found</c>.</summary>
    [JsonPropertyName("code")]
    public string Code { get; }

    /// <summary>Free-form details (for example <c>param_name</c>), as sent.</summary>
    [JsonPropertyName("meta")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Meta { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
