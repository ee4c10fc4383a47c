namespace Clerk.Generated.Webhooks;

/// <summary>
/// The three delivery headers a signature is checked against, as received (not yet validated).
/// </summary>
/// <param name="MessageId">The <c>svix-id</c> (or <c>webhook-id</c>) header: unique per message, the same on retries.</param>
/// <param name="Timestamp">The <c>svix-timestamp</c> (or <c>webhook-timestamp</c>) header: Unix seconds as decimal text.</param>
/// <param name="Signature">The <c>svix-signature</c> (or <c>webhook-signature</c>) header: space-separated <c>v1,&lt;base64&gt;</c> entries.</param>
public readonly record struct ClerkWebhookHeaders(string? MessageId, string? Timestamp, string? Signature)
{
    /// <summary>Svix's name for the message id header.</summary>
    public const string SvixId = "svix-id";

    /// <summary>Svix's name for the timestamp header.</summary>
    public const string SvixTimestamp = "svix-timestamp";

    /// <summary>Svix's name for the signature header.</summary>
    public const string SvixSignature = "svix-signature";

    /// <summary>Standard Webhooks' name for the message id header.</summary>
    public const string WebhookId = "webhook-id";

    /// <summary>Standard Webhooks' name for the timestamp header.</summary>
    public const string WebhookTimestamp = "webhook-timestamp";

    /// <summary>Standard Webhooks' name for the signature header.</summary>
    public const string WebhookSignature = "webhook-signature";

    /// <summary>
    /// Picks each header from a request: the <c>svix-*</c> name when present and non-empty, else the
    /// <c>webhook-*</c> name, the same precedence as the svix libraries.
    /// </summary>
    /// <param name="state">Passed to <paramref name="lookup"/> so that the lookup needs no closure.</param>
    /// <param name="lookup">Returns a header's value (case-insensitive name), or null/empty when absent.</param>
    public static ClerkWebhookHeaders Resolve<TState>(TState state, Func<TState, string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return new ClerkWebhookHeaders(
            Pick(state, lookup, SvixId, WebhookId),
            Pick(state, lookup, SvixTimestamp, WebhookTimestamp),
            Pick(state, lookup, SvixSignature, WebhookSignature));
    }

    /// <summary>Redacts nothing secret (signatures are public), but keeps log lines short.</summary>
    public override string ToString() => $"id={MessageId ?? "(none)"} timestamp={Timestamp ?? "(none)"}";

    private static string? Pick<TState>(TState state, Func<TState, string, string?> lookup, string svixName, string standardName)
    {
        var value = lookup(state, svixName);
        return string.IsNullOrEmpty(value) ? lookup(state, standardName) : value;
    }
}
