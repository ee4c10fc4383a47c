using System.Text.Json;

namespace Clerk.Generated.Webhooks;

/// <summary>
/// A verified Clerk event. Handlers receive a subclass: a typed event when one is registered for the event's type
/// (generated from the webhooks spec, or hand-written), or <see cref="UnknownClerkWebhookEvent"/> when none is, so
/// a type Clerk adds tomorrow still arrives, as raw JSON, instead of failing.
/// </summary>
public abstract class ClerkWebhookEvent
{
    /// <summary>Creates an event from its envelope.</summary>
    protected ClerkWebhookEvent(ClerkWebhookEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        Envelope = envelope;
    }

    /// <summary>The shared members and the raw payload.</summary>
    public ClerkWebhookEnvelope Envelope { get; }

    /// <summary>The event type, such as <c>user.created</c>.</summary>
    public string Type => Envelope.Type;

    /// <summary>The <c>data</c> member as JSON. Typed events also expose it as a model.</summary>
    public JsonElement Data => Envelope.Data;

    /// <summary>The <c>event_attributes</c> member, when present.</summary>
    public ClerkWebhookEventAttributes? EventAttributes => Envelope.EventAttributes;

    /// <summary>The <c>timestamp</c> member as sent (see <see cref="ClerkWebhookEnvelope.Timestamp"/>).</summary>
    public long? Timestamp => Envelope.Timestamp;

    /// <summary>The <c>instance_id</c> member.</summary>
    public string? InstanceId => Envelope.InstanceId;

    /// <summary>The whole payload as JSON.</summary>
    public JsonElement Json => Envelope.Json;

    /// <summary>The verified message id (the idempotency key across retries) and signing time.</summary>
    public ClerkWebhookDelivery? Delivery => Envelope.Delivery;

    /// <summary>The type and message id; never the payload, which holds personal data.</summary>
    public override string ToString() => $"{GetType().Name} {Envelope}";
}
