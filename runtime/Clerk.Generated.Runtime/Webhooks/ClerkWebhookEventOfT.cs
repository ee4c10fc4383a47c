namespace Clerk.Generated.Webhooks;

/// <summary>
/// An event whose <c>data</c> has been read into a model: the base class of typed events (one per event type, as the
/// generator emits them from the webhooks spec).
/// </summary>
/// <typeparam name="TData">The model of the <c>data</c> member.</typeparam>
public abstract class ClerkWebhookEvent<TData> : ClerkWebhookEvent
{
    /// <summary>Creates a typed event from its envelope and the model read from its <c>data</c>.</summary>
    protected ClerkWebhookEvent(ClerkWebhookEnvelope envelope, TData data)
        : base(envelope)
    {
        Data = data;
    }

    /// <summary>The <c>data</c> member as a model. The JSON stays available as <see cref="ClerkWebhookEnvelope.Data"/>.</summary>
    public new TData Data { get; }
}
