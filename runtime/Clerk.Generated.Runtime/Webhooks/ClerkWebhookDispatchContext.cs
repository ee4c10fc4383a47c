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
        => _event ??= (resolver is null ? null : Build(resolver)) ?? new UnknownClerkWebhookEvent(envelope);

    /// <summary>
    /// The event a typed handler receives: the resolver's instance when it has the handler's type (so the union's
    /// event is built once and shared), else a new one from the handler's factory.
    /// </summary>
    public TEvent Create<TEvent>(Func<ClerkWebhookEnvelope, TEvent> factory)
        => (resolver is null ? _event : Event) is TEvent existing ? existing : Build(factory);

    // A factory's failure means the payload does not fit the model: the sender's problem (a 400), not the server's.
    private TEvent Build<TEvent>(Func<ClerkWebhookEnvelope, TEvent> factory)
    {
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
