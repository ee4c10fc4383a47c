namespace Clerk.Generated.Webhooks;

/// <summary>
/// Settings for receiving Clerk webhooks. Bind them from configuration or set them in code; every one has a
/// working default.
/// </summary>
public sealed class ClerkWebhookOptions
{
    /// <summary>The default largest body accepted: 1 MiB, far above any Clerk event.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// The endpoint's signing secret (<c>whsec_…</c>). When null or empty, the
    /// <c>CLERK_WEBHOOK_SIGNING_SECRET</c> environment variable is used.
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>How far the delivery's timestamp may be from now, either way. Default five minutes, as Svix.</summary>
    public TimeSpan Tolerance { get; set; } = ClerkWebhookVerifier.DefaultTolerance;

    /// <summary>The largest request body the webhook endpoint reads; larger deliveries are answered 413.</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>
    /// How long a processed delivery id is remembered, so that redeliveries and replays of it answer 2xx without
    /// running handlers again. Default 3 days, longer than Svix's whole retry schedule (about 28 hours).
    /// </summary>
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// How long a claim on a delivery being processed holds when its holder neither completes nor releases it (the
    /// process died). Until then, the same delivery reaching another instance is answered 409 and retried later.
    /// Default 5 minutes.
    /// </summary>
    public TimeSpan DeliveryClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Never renders the secret.</summary>
    public override string ToString()
        => $"{nameof(ClerkWebhookOptions)}(secret {(string.IsNullOrEmpty(SigningSecret) ? "from environment" : "set")}, tolerance {Tolerance}, max body {MaxBodyBytes} bytes)";
}
