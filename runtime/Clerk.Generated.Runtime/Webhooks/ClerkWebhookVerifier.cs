using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Clerk.Generated.Webhooks;

/// <summary>
/// Checks that a webhook delivery was signed by Clerk (through Svix) with the endpoint's secret and is fresh: the
/// Svix / Standard Webhooks scheme over the raw body bytes, with a constant-time comparison and a timestamp
/// tolerance measured on a <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Thread-safe. On success it allocates only the returned delivery record for bodies up to 256 KiB (the signed bytes are laid out in a
/// pooled buffer). Verify before parsing: the body is untrusted until this returns a valid result.
/// </remarks>
public sealed class ClerkWebhookVerifier
{
    /// <summary>The tolerance Svix uses: deliveries signed more than five minutes away from now are rejected.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    // Largest Unix second DateTimeOffset can represent (9999-12-31T23:59:59Z).
    private const long MaxUnixSeconds = 253_402_300_799;

    private readonly ClerkWebhookSigningSecret _secret;
    private readonly TimeProvider _timeProvider;
    private readonly long _toleranceSeconds;

    /// <summary>Creates a verifier with the default tolerance on the system clock.</summary>
    public ClerkWebhookVerifier(ClerkWebhookSigningSecret secret)
        : this(secret, TimeProvider.System, DefaultTolerance)
    {
    }

    /// <summary>Creates a verifier.</summary>
    /// <param name="secret">The endpoint's signing secret.</param>
    /// <param name="timeProvider">The clock the timestamp is compared with.</param>
    /// <param name="tolerance">How far (either way, whole seconds) the timestamp may be from now.</param>
    public ClerkWebhookVerifier(ClerkWebhookSigningSecret secret, TimeProvider timeProvider, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        _secret = secret;
        _timeProvider = timeProvider;
        _toleranceSeconds = (long)tolerance.TotalSeconds;
    }

    /// <summary>How far the timestamp may be from now, either way.</summary>
    public TimeSpan Tolerance => TimeSpan.FromSeconds(_toleranceSeconds);

    /// <summary>
    /// Creates a verifier from options: the secret from <see cref="ClerkWebhookOptions.SigningSecret"/>, or from the
    /// <c>CLERK_WEBHOOK_SIGNING_SECRET</c> environment variable when that is not set.
    /// </summary>
    /// <exception cref="ClerkWebhookSecretException">No secret is configured, or it is malformed.</exception>
    public static ClerkWebhookVerifier Create(ClerkWebhookOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secret = string.IsNullOrWhiteSpace(options.SigningSecret)
            ? ClerkWebhookSigningSecret.FromEnvironment()
            : ClerkWebhookSigningSecret.Parse(options.SigningSecret);
        return new ClerkWebhookVerifier(secret, timeProvider ?? TimeProvider.System, options.Tolerance);
    }

    /// <summary>Checks a delivery whose body is one contiguous buffer.</summary>
    public ClerkWebhookVerificationResult Verify(ReadOnlySpan<byte> body, ClerkWebhookHeaders headers)
    {
        if (!TryCheckHeaders(headers, out var timestamp, out var failure))
        {
            return failure;
        }

        Span<char> expected = stackalloc char[ClerkWebhookSignature.Base64Length];
        ClerkWebhookSignature.Compute(_secret.Key, headers.MessageId, headers.Timestamp, body, expected);
        return Compare(headers, timestamp, expected);
    }

    /// <summary>Checks a delivery whose body arrived in segments (for example from a request's <c>PipeReader</c>).</summary>
    public ClerkWebhookVerificationResult Verify(in ReadOnlySequence<byte> body, ClerkWebhookHeaders headers)
    {
        if (!TryCheckHeaders(headers, out var timestamp, out var failure))
        {
            return failure;
        }

        Span<char> expected = stackalloc char[ClerkWebhookSignature.Base64Length];
        ClerkWebhookSignature.Compute(_secret.Key, headers.MessageId, headers.Timestamp, body, expected);
        return Compare(headers, timestamp, expected);
    }

    /// <summary>
    /// Checks everything that does not need the body: the id, timestamp and signature headers are present and the
    /// timestamp is canonical and fresh. An endpoint calls this before reading the body, so a request without them
    /// costs no buffering; <see cref="Verify(ReadOnlySpan{byte}, ClerkWebhookHeaders)"/> repeats the check.
    /// </summary>
    /// <returns>True when the headers pass; otherwise false with the rejection in <paramref name="failure"/>.</returns>
    public bool TryCheckHeaders(ClerkWebhookHeaders headers, out ClerkWebhookVerificationResult failure) =>
        TryCheckHeaders(headers, out _, out failure);

    /// <summary>Checks a delivery and throws when it is rejected.</summary>
    /// <returns>The verified message id and timestamp.</returns>
    /// <exception cref="ClerkWebhookVerificationException">The delivery is not authentic or not fresh.</exception>
    public ClerkWebhookDelivery VerifyOrThrow(ReadOnlySpan<byte> body, ClerkWebhookHeaders headers)
    {
        var result = Verify(body, headers);
        return result.Delivery ?? throw new ClerkWebhookVerificationException(result.Failure, result.Message);
    }

    /// <summary>Redacted: the secret is never rendered.</summary>
    public override string ToString() => $"{nameof(ClerkWebhookVerifier)}({_secret}, tolerance {_toleranceSeconds} s)";

    // Everything that can be decided without the HMAC: presence of the headers and freshness. Checking freshness
    // first means a replayed delivery costs no hashing.
    private bool TryCheckHeaders(
        ClerkWebhookHeaders headers,
        out long timestamp,
        out ClerkWebhookVerificationResult failure)
    {
        timestamp = 0;
        if (string.IsNullOrEmpty(headers.MessageId))
        {
            failure = ClerkWebhookVerificationResult.Fail(
                ClerkWebhookVerificationFailure.MissingMessageId, "The svix-id (or webhook-id) header is missing.");
            return false;
        }

        if (string.IsNullOrEmpty(headers.Timestamp))
        {
            failure = ClerkWebhookVerificationResult.Fail(
                ClerkWebhookVerificationFailure.MissingTimestamp, "The svix-timestamp (or webhook-timestamp) header is missing.");
            return false;
        }

        if (string.IsNullOrEmpty(headers.Signature))
        {
            failure = ClerkWebhookVerificationResult.Fail(
                ClerkWebhookVerificationFailure.MissingSignature, "The svix-signature (or webhook-signature) header is missing.");
            return false;
        }

        if (!TryParseTimestamp(headers.Timestamp, out timestamp))
        {
            failure = ClerkWebhookVerificationResult.Fail(
                ClerkWebhookVerificationFailure.InvalidTimestamp,
                "The timestamp header is not Unix seconds in canonical decimal (ASCII digits, no sign, no leading zero).");
            return false;
        }

        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (now - timestamp > _toleranceSeconds)
        {
            failure = ClerkWebhookVerificationResult.Fail(
                ClerkWebhookVerificationFailure.TimestampTooOld,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The delivery was signed {now - timestamp} s ago; at most {_toleranceSeconds} s is accepted."));
            return false;
        }

        if (timestamp - now > _toleranceSeconds)
        {
            failure = ClerkWebhookVerificationResult.Fail(
                ClerkWebhookVerificationFailure.TimestampTooNew,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The delivery is dated {timestamp - now} s in the future; at most {_toleranceSeconds} s is accepted."));
            return false;
        }

        failure = default;
        return true;
    }

    private static ClerkWebhookVerificationResult Compare(ClerkWebhookHeaders headers, long timestamp, ReadOnlySpan<char> expected)
    {
        // Every entry is compared (no early exit on a match) so the time taken depends on the header's shape only.
        var sawVersion1 = false;
        var matched = false;
        ReadOnlySpan<char> header = headers.Signature;
        foreach (var range in header.Split(' '))
        {
            var entry = header[range];
            var comma = entry.IndexOf(',');
            if (comma < 0 || !entry[..comma].SequenceEqual(ClerkWebhookSignature.Version))
            {
                continue;
            }

            sawVersion1 = true;
            var candidate = entry[(comma + 1)..];
            // FixedTimeEquals returns early only on a length difference, which reveals nothing about the secret.
            matched |= CryptographicOperations.FixedTimeEquals(
                MemoryMarshal.AsBytes(candidate), MemoryMarshal.AsBytes(expected));
        }

        if (matched)
        {
            return ClerkWebhookVerificationResult.Success(
                new ClerkWebhookDelivery(headers.MessageId!, DateTimeOffset.FromUnixTimeSeconds(timestamp)));
        }

        return sawVersion1
            ? ClerkWebhookVerificationResult.Fail(
                ClerkWebhookVerificationFailure.SignatureMismatch,
                "No v1 signature in the signature header matches the body under the configured secret.")
            : ClerkWebhookVerificationResult.Fail(
                ClerkWebhookVerificationFailure.NoSupportedSignature,
                "The signature header holds no 'v1,<base64>' entry.");
    }

    private static bool TryParseTimestamp(ReadOnlySpan<char> text, out long seconds)
    {
        seconds = 0;
        // Canonical form only, so the text that was signed and the number that is checked are the same thing.
        if (text.Length is 0 or > 12 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            seconds = (seconds * 10) + (c - '0');
        }

        return seconds <= MaxUnixSeconds;
    }
}
