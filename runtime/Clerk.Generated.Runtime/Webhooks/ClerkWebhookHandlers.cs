namespace Clerk.Generated.Webhooks;

/// <summary>
/// Which code runs for which event type: configured at startup, then frozen into a
/// <see cref="ClerkWebhookDispatcher"/> by <see cref="Build"/> (which the endpoint mapping calls).
/// </summary>
/// <remarks>
/// Typed events plug in through <see cref="On{TEvent}(string, Func{ClerkWebhookEnvelope, TEvent}, ClerkWebhookHandler{TEvent})"/>:
/// a factory turns the envelope into the typed event, so no reflection is needed and generated code only has to
/// add one-line extensions such as <c>OnUserCreated(handler)</c>. A whole union of generated events plugs in with
/// <see cref="UseEventResolver"/>, after which untyped handlers receive typed instances too.
/// </remarks>
public sealed class ClerkWebhookHandlers
{
    private readonly Dictionary<string, List<ClerkWebhookRegistration>> _byType = new(StringComparer.Ordinal);
    private readonly List<ClerkWebhookHandler<ClerkWebhookEvent>> _any = [];
    private ClerkWebhookHandler<ClerkWebhookEvent>? _unhandled;
    private Func<ClerkWebhookEnvelope, ClerkWebhookEvent?>? _resolver;

    /// <summary>Runs <paramref name="handler"/> for every event of <paramref name="eventType"/> (such as <c>user.created</c>).</summary>
    public ClerkWebhookHandlers On(string eventType, Func<ClerkWebhookEvent, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return On(eventType, (e, _, ct) => handler(e, ct));
    }

    /// <summary>Runs <paramref name="handler"/>, which also receives the request's services, for every event of <paramref name="eventType"/>.</summary>
    public ClerkWebhookHandlers On(string eventType, ClerkWebhookHandler<ClerkWebhookEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(eventType, new UntypedRegistration(handler));
    }

    /// <summary>
    /// Runs a typed handler for every event of <paramref name="eventType"/>; <paramref name="factory"/> builds the typed
    /// event from the envelope (generated events expose one). A factory that throws makes the delivery a bad
    /// payload (400), never a server error.
    /// </summary>
    public ClerkWebhookHandlers On<TEvent>(string eventType, Func<ClerkWebhookEnvelope, TEvent> factory, Func<TEvent, CancellationToken, Task> handler)
        where TEvent : ClerkWebhookEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        return On(eventType, factory, (e, _, ct) => handler(e, ct));
    }

    /// <summary>As <see cref="On{TEvent}(string, Func{ClerkWebhookEnvelope, TEvent}, Func{TEvent, CancellationToken, Task})"/>, with the request's services.</summary>
    public ClerkWebhookHandlers On<TEvent>(string eventType, Func<ClerkWebhookEnvelope, TEvent> factory, ClerkWebhookHandler<TEvent> handler)
        where TEvent : ClerkWebhookEvent
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(handler);
        return Add(eventType, new TypedRegistration<TEvent>(factory, handler));
    }

    /// <summary>Runs <paramref name="handler"/> for every event, after the handlers of its type.</summary>
    public ClerkWebhookHandlers OnAny(Func<ClerkWebhookEvent, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return OnAny((e, _, ct) => handler(e, ct));
    }

    /// <summary>Runs <paramref name="handler"/>, with the request's services, for every event.</summary>
    public ClerkWebhookHandlers OnAny(ClerkWebhookHandler<ClerkWebhookEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _any.Add(handler);
        return this;
    }

    /// <summary>
    /// Runs <paramref name="handler"/> for events whose type has no handler of its own. Without one, such events are
    /// acknowledged (2xx) and dropped, so Svix does not retry what nobody will ever handle.
    /// </summary>
    public ClerkWebhookHandlers OnUnhandled(Func<ClerkWebhookEvent, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return OnUnhandled((e, _, ct) => handler(e, ct));
    }

    /// <summary>As <see cref="OnUnhandled(Func{ClerkWebhookEvent, CancellationToken, Task})"/>, with the request's services.</summary>
    public ClerkWebhookHandlers OnUnhandled(ClerkWebhookHandler<ClerkWebhookEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _unhandled = handler;
        return this;
    }

    /// <summary>
    /// Sets the function that turns an envelope into its typed event (a generated union's factory, a switch on
    /// <see cref="ClerkWebhookEnvelope.Type"/>). It returns null for types it does not know, which then arrive as
    /// <see cref="UnknownClerkWebhookEvent"/>.
    /// </summary>
    public ClerkWebhookHandlers UseEventResolver(Func<ClerkWebhookEnvelope, ClerkWebhookEvent?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolver = resolver;
        return this;
    }

    /// <summary>Freezes the current registrations; later changes to this object do not affect the result.</summary>
    public ClerkWebhookDispatcher Build() => new(
        _byType.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal),
        [.. _any],
        _unhandled,
        _resolver);

    private ClerkWebhookHandlers Add(string eventType, ClerkWebhookRegistration registration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        if (!_byType.TryGetValue(eventType, out var list))
        {
            _byType[eventType] = list = [];
        }

        list.Add(registration);
        return this;
    }
}
