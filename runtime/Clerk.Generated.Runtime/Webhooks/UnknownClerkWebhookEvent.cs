namespace Clerk.Generated.Webhooks;

/// <summary>
/// An event for which no typed model is registered: a type newer than the spec the application was built with, or
/// any type when no typed events are in use. Its data is available as JSON through <see cref="ClerkWebhookEvent.Data"/>.
/// </summary>
public sealed class UnknownClerkWebhookEvent : ClerkWebhookEvent
{
    /// <summary>Wraps an envelope without reading its data.</summary>
    public UnknownClerkWebhookEvent(ClerkWebhookEnvelope envelope)
        : base(envelope)
    {
    }
}
