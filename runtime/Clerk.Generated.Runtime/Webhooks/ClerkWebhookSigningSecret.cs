using System.Buffers.Text;

namespace Clerk.Generated.Webhooks;

/// <summary>
/// The key a Clerk webhook endpoint signs its deliveries with (the <c>whsec_…</c> value of the endpoint in the
/// Clerk dashboard, also given as <c>CLERK_WEBHOOK_SIGNING_SECRET</c>).
/// </summary>
/// <remarks>
/// The key bytes never leave this type except into the HMAC; <see cref="ToString"/> is redacted and parse errors
/// never repeat the input, so the secret cannot reach a log or an exception message.
/// </remarks>
public sealed class ClerkWebhookSigningSecret
{
    /// <summary>The prefix Svix and Clerk put before the base64 key.</summary>
    public const string Prefix = "whsec_";

    /// <summary>The environment variable the secret is read from by default.</summary>
    public const string EnvironmentVariable = "CLERK_WEBHOOK_SIGNING_SECRET";

    private readonly byte[] _key;

    private ClerkWebhookSigningSecret(byte[] key) => _key = key;

    /// <summary>The decoded HMAC key. Internal so that only the signer and verifier can read it.</summary>
    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>
    /// Parses a secret such as <c>whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw</c>: the optional <c>whsec_</c> prefix is
    /// removed and the rest is decoded as standard base64.
    /// </summary>
    /// <exception cref="ClerkWebhookSecretException">The text is empty, not base64, or decodes to no bytes.</exception>
    public static ClerkWebhookSigningSecret Parse(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return TryParse(secret, out var parsed, out var problem)
            ? parsed
            : throw new ClerkWebhookSecretException(problem);
    }

    /// <summary>Parses a secret, reporting failure instead of throwing.</summary>
    public static bool TryParse(string? secret, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ClerkWebhookSigningSecret? parsed)
        => TryParse(secret, out parsed, out _);

    /// <summary>
    /// Wraps raw key bytes, for secrets that are not base64 text (Standard Webhooks' "raw" format).
    /// </summary>
    /// <exception cref="ClerkWebhookSecretException">The key is empty.</exception>
    public static ClerkWebhookSigningSecret FromKeyBytes(ReadOnlySpan<byte> key)
        => key.IsEmpty
            ? throw new ClerkWebhookSecretException("The webhook signing key is empty.")
            : new ClerkWebhookSigningSecret(key.ToArray());

    /// <summary>
    /// Reads the secret from <see cref="EnvironmentVariable"/>.
    /// </summary>
    /// <exception cref="ClerkWebhookSecretException">The variable is not set or does not hold a valid secret.</exception>
    public static ClerkWebhookSigningSecret FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ClerkWebhookSecretException(
                $"No webhook signing secret is configured: set {EnvironmentVariable} or configure one explicitly.");
        }

        return TryParse(value, out var parsed, out var problem)
            ? parsed
            : throw new ClerkWebhookSecretException($"{EnvironmentVariable}: {problem}");
    }

    /// <summary>Always redacted: the secret is never rendered.</summary>
    public override string ToString() => "whsec_***";

    private static bool TryParse(
        string? secret,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ClerkWebhookSigningSecret? parsed,
        out string problem)
    {
        parsed = null;
        var text = secret.AsSpan().Trim();
        if (text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            text = text[Prefix.Length..];
        }

        if (text.IsEmpty)
        {
            problem = "The webhook signing secret is empty.";
            return false;
        }

        // Strict standard base64 (no whitespace inside, padding as encoded), the alphabet Svix issues secrets in.
        var key = new byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
        if (!Convert.TryFromBase64Chars(text, key, out var written) || text.ContainsAny(" \t\r\n"))
        {
            problem = "The webhook signing secret is not valid base64 after its 'whsec_' prefix.";
            return false;
        }

        if (written == 0)
        {
            problem = "The webhook signing secret decodes to an empty key.";
            return false;
        }

        parsed = new ClerkWebhookSigningSecret(key.AsSpan(0, written).ToArray());
        problem = string.Empty;
        return true;
    }
}
