namespace Clerk.Generated.Webhooks;

/// <summary>
/// The outcome of checking one delivery: authentic and fresh, or a <see cref="Failure"/> with a message that says
/// exactly what did not hold. Neither ever contains the secret.
/// </summary>
public readonly record struct ClerkWebhookVerificationResult
{
    private ClerkWebhookVerificationResult(ClerkWebhookVerificationFailure failure, string message, ClerkWebhookDelivery? delivery)
    {
        Failure = failure;
        Message = message;
        Delivery = delivery;
    }

    /// <summary>Why the delivery was rejected, or <see cref="ClerkWebhookVerificationFailure.None"/>.</summary>
    public ClerkWebhookVerificationFailure Failure { get; }

    /// <summary>True when the signature matched and the timestamp is within tolerance.</summary>
    public bool IsValid => Failure == ClerkWebhookVerificationFailure.None;

    /// <summary>A human-readable explanation; safe to log and to return to the sender.</summary>
    public string Message { get; }

    /// <summary>The verified message id and timestamp; null unless <see cref="IsValid"/>.</summary>
    public ClerkWebhookDelivery? Delivery { get; }

    internal static ClerkWebhookVerificationResult Success(ClerkWebhookDelivery delivery)
        => new(ClerkWebhookVerificationFailure.None, "The webhook signature is valid.", delivery);

    internal static ClerkWebhookVerificationResult Fail(ClerkWebhookVerificationFailure failure, string message)
        => new(failure, message, null);

    /// <summary>The failure and its message, for logs.</summary>
    public override string ToString() => IsValid ? Message : $"{Failure}: {Message}";
}
