namespace Clerk.Generated.Webhooks;

/// <summary>One dispatch: the envelope, the request's services, and the event built from it at most once.</summary>
internal sealed class ClerkWebhookDispatchContext(
    ClerkWebhookEnvelope envelope,
    IServiceProvider services,
    Func<ClerkWebhookEnvelope, ClerkWebhookEvent?>? resolver)
{
    private ClerkWebhookEvent? _event;

    public IServiceProvider Services => services;

    /// <summary>The event untyped handlers receive: the resolver's typed event, else an unknown event.</summary>
    public ClerkWebhookEvent Event
        => _event ??= (resolver is null ? null : Create(resolver)) ?? new UnknownClerkWebhookEvent(envelope);

    /// <summary>
    /// Builds an event with a factory; a factory's failure means the payload does not fit the model, which is the
    /// sender's problem (a 400), not the server's.
    /// </summary>
    public TEvent Create<TEvent>(Func<ClerkWebhookEnvelope, TEvent> factory)
    {
        // With a resolver, the union's instance is built once and shared by every handler that can take it.
        if ((_event ?? (resolver is null ? null : Event)) is TEvent existing)
        {
            return existing;
        }

        try
        {
            return factory(envelope);
        }
        catch (Exception e) when (e is not ClerkWebhookPayloadException and not OperationCanceledException)
        {
            throw new ClerkWebhookPayloadException(
                $"The '{envelope.Type}' payload does not fit {typeof(TEvent).Name}: {e.Message}", e);
        }
    }
}
