using System.Globalization;

namespace Clerk.Generated.Webhooks;

/// <summary>
/// Signs payloads the way Svix signs Clerk's deliveries: for tests of your own webhook handlers and for local
/// development, where no real delivery is at hand.
/// </summary>
public sealed class ClerkWebhookSigner
{
    private readonly ClerkWebhookSigningSecret _secret;

    /// <summary>Creates a signer for one endpoint secret.</summary>
    public ClerkWebhookSigner(ClerkWebhookSigningSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        _secret = secret;
    }

    /// <summary>
    /// Returns the <c>svix-signature</c> value (<c>v1,&lt;base64&gt;</c>) for a message id, a timestamp (truncated to
    /// whole seconds) and the exact body bytes.
    /// </summary>
    public string Sign(string messageId, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return Sign(messageId, FormatTimestamp(timestamp), body);
    }

    /// <summary>Returns the three <c>svix-*</c> headers for a delivery of <paramref name="body"/>.</summary>
    public ClerkWebhookHeaders CreateHeaders(string messageId, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var timestampText = FormatTimestamp(timestamp);
        return new ClerkWebhookHeaders(messageId, timestampText, Sign(messageId, timestampText, body));
    }

    /// <summary>Redacted: the secret is never rendered.</summary>
    public override string ToString() => $"{nameof(ClerkWebhookSigner)}({_secret})";

    private string Sign(string messageId, string timestampText, ReadOnlySpan<byte> body)
    {
        Span<char> signature = stackalloc char[ClerkWebhookSignature.Base64Length];
        ClerkWebhookSignature.Compute(_secret.Key, messageId, timestampText, body, signature);
        return string.Concat(ClerkWebhookSignature.Version, ",", signature);
    }

    private static string FormatTimestamp(DateTimeOffset timestamp)
        => timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
