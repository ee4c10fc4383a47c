namespace Clerk.Generated.Webhooks;

/// <summary>One handler for one event type, with whatever it needs to build the event it expects.</summary>
internal abstract class ClerkWebhookRegistration
{
    internal abstract Task InvokeAsync(ClerkWebhookDispatchContext context, CancellationToken cancellationToken);
}

/// <summary>A handler of the base event type: receives the resolved event (typed if a resolver knows it).</summary>
internal sealed class UntypedRegistration(ClerkWebhookHandler<ClerkWebhookEvent> handler) : ClerkWebhookRegistration
{
    internal override Task InvokeAsync(ClerkWebhookDispatchContext context, CancellationToken cancellationToken)
        => handler(context.Event, context.Services, cancellationToken);
}

/// <summary>A handler of one typed event, with the factory that builds it from the envelope.</summary>
internal sealed class TypedRegistration<TEvent>(Func<ClerkWebhookEnvelope, TEvent> factory, ClerkWebhookHandler<TEvent> handler)
    : ClerkWebhookRegistration
    where TEvent : ClerkWebhookEvent
{
    internal override Task InvokeAsync(ClerkWebhookDispatchContext context, CancellationToken cancellationToken)
        => handler(context.Create(factory), context.Services, cancellationToken);
}
