namespace Clerk.Generated.Webhooks;

/// <summary>
/// Remembers which webhook deliveries (Svix message ids) are being processed or were processed, so that a delivery
/// reaching several instances at once, a Svix redelivery, or a replay of a captured request runs the handlers once.
/// The webhook endpoint consults it only after the signature was verified: an unverified request never touches it.
/// </summary>
/// <remarks>
/// The default, <see cref="InMemoryClerkWebhookDeliveryStore"/>, covers one instance. Many instances share one store
/// (for example the Redis store of <c>Clerk.Generated.Redis</c>).
/// </remarks>
public interface IClerkWebhookDeliveryStore
{
    /// <summary>
    /// Claims <paramref name="deliveryId"/> for processing. Exactly one caller gets
    /// <see cref="ClerkWebhookDeliveryStatus.Claimed"/> until the claim is released or its lease runs out.
    /// </summary>
    ValueTask<ClerkWebhookDeliveryClaim> TryClaimAsync(string deliveryId, CancellationToken cancellationToken = default);

    /// <summary>Records that the claimed delivery was processed; later claims answer <see cref="ClerkWebhookDeliveryStatus.AlreadyProcessed"/>.</summary>
    ValueTask CompleteAsync(ClerkWebhookDeliveryClaim claim, CancellationToken cancellationToken = default);

    /// <summary>Gives the claim up (a handler failed), so that the sender's retry can process the delivery.</summary>
    ValueTask ReleaseAsync(ClerkWebhookDeliveryClaim claim, CancellationToken cancellationToken = default);
}
