namespace Clerk.Generated.Webhooks;

/// <summary>
/// What the verified headers say about one delivery attempt.
/// </summary>
/// <param name="MessageId">The Svix message id: the same on every retry of one message, so it is the idempotency key.</param>
/// <param name="Timestamp">When Svix signed this attempt.</param>
public sealed record ClerkWebhookDelivery(string MessageId, DateTimeOffset Timestamp);
