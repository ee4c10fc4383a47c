namespace Clerk.Generated.Webhooks;

/// <summary>
/// Handles one event. Throwing (or a faulted task) makes the endpoint answer non-2xx, so Svix delivers the message
/// again later: handlers should be idempotent, keyed by <see cref="ClerkWebhookDelivery.MessageId"/>.
/// </summary>
/// <typeparam name="TEvent">The event type the handler receives.</typeparam>
/// <param name="webhookEvent">The verified event.</param>
/// <param name="services">The request's services (scoped to the request in ASP.NET Core).</param>
/// <param name="cancellationToken">Signalled when the request is aborted.</param>
public delegate Task ClerkWebhookHandler<in TEvent>(TEvent webhookEvent, IServiceProvider services, CancellationToken cancellationToken)
    where TEvent : ClerkWebhookEvent;
