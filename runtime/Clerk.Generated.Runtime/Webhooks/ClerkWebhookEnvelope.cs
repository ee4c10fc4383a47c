using System.Buffers;
using System.Text.Json;
using Clerk.Generated.Json;

namespace Clerk.Generated.Webhooks;

/// <summary>
/// The members every Clerk event shares (<c>type</c>, <c>object</c>, <c>data</c>, <c>event_attributes</c>,
/// <c>timestamp</c>, <c>instance_id</c>) read from a verified body, with the whole payload kept as JSON. Typed events,
/// hand-written or generated, are built from an envelope.
/// </summary>
/// <remarks>
/// The JSON elements are detached from any pooled buffer: they stay valid after the request ends, and nothing needs
/// disposing. Members Clerk adds later are kept in <see cref="Json"/> and never cause a failure.
/// </remarks>
public sealed class ClerkWebhookEnvelope
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    private ClerkWebhookEnvelope(
        string type,
        string? objectType,
        JsonElement data,
        ClerkWebhookEventAttributes? eventAttributes,
        long? timestamp,
        string? instanceId,
        JsonElement json,
        ClerkWebhookDelivery? delivery)
    {
        Type = type;
        ObjectType = objectType;
        Data = data;
        EventAttributes = eventAttributes;
        Timestamp = timestamp;
        InstanceId = instanceId;
        Json = json;
        Delivery = delivery;
    }

    /// <summary>The event type, such as <c>user.created</c>; what handlers are keyed by.</summary>
    public string Type { get; }

    /// <summary>The <c>object</c> member, <c>event</c> for every Clerk event.</summary>
    public string? ObjectType { get; }

    /// <summary>The <c>data</c> member: the user, session, organization… the event is about.</summary>
    public JsonElement Data { get; }

    /// <summary>The <c>event_attributes</c> member, when present.</summary>
    public ClerkWebhookEventAttributes? EventAttributes { get; }

    /// <summary>
    /// The <c>timestamp</c> member as sent. The spec calls it Unix time without a unit; its example is in seconds
    /// while deliveries have carried milliseconds, so it is passed through unconverted.
    /// </summary>
    public long? Timestamp { get; }

    /// <summary>The <c>instance_id</c> member: the Clerk instance that sent the event.</summary>
    public string? InstanceId { get; }

    /// <summary>The whole payload, exactly as parsed.</summary>
    public JsonElement Json { get; }

    /// <summary>The verified message id and signing time; null when the envelope was parsed without a delivery.</summary>
    public ClerkWebhookDelivery? Delivery { get; }

    /// <summary>Reads an envelope from a UTF-8 JSON body.</summary>
    /// <exception cref="ClerkWebhookPayloadException">The body is not a JSON object with a <c>type</c> string and a <c>data</c> member.</exception>
    public static ClerkWebhookEnvelope Parse(ReadOnlySpan<byte> utf8Json, ClerkWebhookDelivery? delivery = null)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        return FromRoot(ReadSingleValue(ref reader), delivery);
    }

    /// <summary>Reads an envelope from a UTF-8 JSON body held in segments.</summary>
    /// <exception cref="ClerkWebhookPayloadException">The body is not a JSON object with a <c>type</c> string and a <c>data</c> member.</exception>
    public static ClerkWebhookEnvelope Parse(in ReadOnlySequence<byte> utf8Json, ClerkWebhookDelivery? delivery = null)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        return FromRoot(ReadSingleValue(ref reader), delivery);
    }

    /// <summary>The type and message id, for logs; never the payload.</summary>
    public override string ToString() => $"{Type} (message {Delivery?.MessageId ?? "unknown"})";

    private static JsonElement ReadSingleValue(ref Utf8JsonReader reader)
    {
        try
        {
            // JsonElement's string accessors throw on an escaped lone surrogate; refuse such a body here, once, so
            // no handler reading the event can trip over it.
            if (!JsonStringEscapes.HasOnlyWellFormedStrings(reader))
            {
                throw new ClerkWebhookPayloadException("The webhook payload holds a string escape that is not well-formed UTF-16 (a lone surrogate).");
            }

            var root = JsonElement.ParseValue(ref reader);
            // ParseValue stops after the first value; anything but whitespace after it makes Read throw.
            if (reader.Read())
            {
                throw new JsonException("Unexpected data after the JSON value.");
            }

            return root;
        }
        catch (JsonException e)
        {
            throw new ClerkWebhookPayloadException($"The webhook payload is not valid JSON: {e.Message}", e);
        }
    }

    private static ClerkWebhookEnvelope FromRoot(JsonElement root, ClerkWebhookDelivery? delivery)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ClerkWebhookPayloadException($"The webhook payload is a JSON {Describe(root.ValueKind)}, not an object.");
        }

        var type = OptionalString(root, "type");
        if (string.IsNullOrEmpty(type))
        {
            throw new ClerkWebhookPayloadException("The webhook payload has no 'type' (a non-empty string naming the event).");
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Undefined)
        {
            throw new ClerkWebhookPayloadException($"The '{type}' payload has no 'data' member.");
        }

        long? timestamp = null;
        if (root.TryGetProperty("timestamp", out var timestampElement) && timestampElement.ValueKind != JsonValueKind.Null)
        {
            timestamp = timestampElement.ValueKind == JsonValueKind.Number && timestampElement.TryGetInt64(out var value)
                ? value
                : throw new ClerkWebhookPayloadException($"The '{type}' payload's 'timestamp' is not a 64-bit integer.");
        }

        return new ClerkWebhookEnvelope(
            type,
            OptionalString(root, "object"),
            data,
            ReadAttributes(root, type),
            timestamp,
            OptionalString(root, "instance_id"),
            root,
            delivery);
    }

    private static ClerkWebhookEventAttributes? ReadAttributes(JsonElement root, string type)
    {
        if (!root.TryGetProperty("event_attributes", out var attributes) || attributes.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (attributes.ValueKind != JsonValueKind.Object)
        {
            throw new ClerkWebhookPayloadException($"The '{type}' payload's 'event_attributes' is not an object.");
        }

        ClerkWebhookHttpRequest? request = null;
        if (attributes.TryGetProperty("http_request", out var http) && http.ValueKind != JsonValueKind.Null)
        {
            if (http.ValueKind != JsonValueKind.Object)
            {
                throw new ClerkWebhookPayloadException($"The '{type}' payload's 'event_attributes.http_request' is not an object.");
            }

            request = new ClerkWebhookHttpRequest(OptionalString(http, "client_ip"), OptionalString(http, "user_agent"));
        }

        return new ClerkWebhookEventAttributes(request, attributes);
    }

    private static string? OptionalString(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ClerkWebhookPayloadException($"The webhook payload's '{name}' is a JSON {Describe(value.ValueKind)}, not a string.");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "object",
    };
}
