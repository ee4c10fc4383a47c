namespace Clerk.Generated.Webhooks;

/// <summary>What a claim on a delivery id found.</summary>
public enum ClerkWebhookDeliveryStatus
{
    /// <summary>The caller holds the delivery and must complete or release it.</summary>
    Claimed,

    /// <summary>Another caller (possibly another instance) is processing the delivery now.</summary>
    InFlight,

    /// <summary>The delivery was processed successfully before; its handlers must not run again.</summary>
    AlreadyProcessed,
}

/// <summary>
/// The answer to <see cref="IClerkWebhookDeliveryStore.TryClaimAsync"/>: the status and, when claimed, the owner
/// token that completing or releasing the claim presents (so a claim that outlived its lease cannot release another's).
/// </summary>
/// <param name="DeliveryId">The Svix message id.</param>
/// <param name="Status">What the claim found.</param>
/// <param name="Owner">Identifies this claim; empty unless <paramref name="Status"/> is <see cref="ClerkWebhookDeliveryStatus.Claimed"/>.</param>
public readonly record struct ClerkWebhookDeliveryClaim(string DeliveryId, ClerkWebhookDeliveryStatus Status, string Owner)
{
    /// <summary>Creates a claim held by a new random owner token.</summary>
    public static ClerkWebhookDeliveryClaim NewOwner(string deliveryId) =>
        new(deliveryId, ClerkWebhookDeliveryStatus.Claimed, Guid.NewGuid().ToString("N"));

    /// <summary>A claim that found the delivery held or done.</summary>
    public static ClerkWebhookDeliveryClaim NotClaimed(string deliveryId, ClerkWebhookDeliveryStatus status) => new(deliveryId, status, string.Empty);
}
