namespace Clerk.Generated.Webhooks;

/// <summary>
/// Runs the handlers registered for an event's type, in registration order, then the catch-all handlers. Immutable
/// and thread-safe; built by <see cref="ClerkWebhookHandlers.Build"/>.
/// </summary>
public sealed class ClerkWebhookDispatcher
{
    private readonly Dictionary<string, ClerkWebhookRegistration[]> _byType;
    private readonly ClerkWebhookHandler<ClerkWebhookEvent>[] _any;
    private readonly ClerkWebhookHandler<ClerkWebhookEvent>? _unhandled;
    private readonly Func<ClerkWebhookEnvelope, ClerkWebhookEvent?>? _resolver;

    internal ClerkWebhookDispatcher(
        Dictionary<string, ClerkWebhookRegistration[]> byType,
        ClerkWebhookHandler<ClerkWebhookEvent>[] any,
        ClerkWebhookHandler<ClerkWebhookEvent>? unhandled,
        Func<ClerkWebhookEnvelope, ClerkWebhookEvent?>? resolver)
    {
        _byType = byType;
        _any = any;
        _unhandled = unhandled;
        _resolver = resolver;
    }

    /// <summary>The event types that have handlers of their own.</summary>
    public IReadOnlyCollection<string> EventTypes => _byType.Keys;

    /// <summary>
    /// Dispatches one verified event. Handlers run one after another; the first that throws stops the dispatch and
    /// its exception propagates, so the caller can answer non-2xx and let Svix retry the whole message.
    /// </summary>
    /// <exception cref="ClerkWebhookPayloadException">The event's data does not fit the typed event a handler expects.</exception>
    public async Task<ClerkWebhookDispatchResult> DispatchAsync(
        ClerkWebhookEnvelope envelope, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(services);
        var context = new ClerkWebhookDispatchContext(envelope, services, _resolver);
        var run = 0;
        var matched = _byType.TryGetValue(envelope.Type, out var registrations);
        if (matched)
        {
            foreach (var registration in registrations!)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await registration.InvokeAsync(context, cancellationToken).ConfigureAwait(false);
                run++;
            }
        }
        else if (_unhandled is not null)
        {
            await _unhandled(context.Event, services, cancellationToken).ConfigureAwait(false);
            run++;
        }

        foreach (var handler in _any)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await handler(context.Event, services, cancellationToken).ConfigureAwait(false);
            run++;
        }

        return new ClerkWebhookDispatchResult(envelope.Type, run, matched);
    }
}
