using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Clerk.Generated.Webhooks;

/// <summary>
/// The Svix / Standard Webhooks signature: base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), computed over the
/// body's raw bytes. Shared by the verifier and the signer so that both sides are the same code.
/// </summary>
internal static class ClerkWebhookSignature
{
    /// <summary>Length of a base64-encoded 32-byte HMAC-SHA256, padding included.</summary>
    internal const int Base64Length = 44;

    /// <summary>The only signature version the symmetric scheme defines.</summary>
    internal const string Version = "v1";

    // Up to this size the signed bytes are laid out once in a pooled buffer and hashed in one shot, which costs a
    // memory copy but no managed allocation. Larger bodies stream into an IncrementalHash instead of renting a
    // buffer of their own size.
    private const int OneShotLimit = 256 * 1024;

    private const int HashLength = 32;

    /// <summary>Writes the base64 signature for a contiguous body into <paramref name="destination"/>.</summary>
    internal static void Compute(
        ReadOnlySpan<byte> key, ReadOnlySpan<char> messageId, ReadOnlySpan<char> timestamp, ReadOnlySpan<byte> body, Span<char> destination)
        => Compute(key, messageId, timestamp, new SignedBody(body), destination);

    /// <summary>Writes the base64 signature for a body held in several segments (as a request pipe delivers it).</summary>
    internal static void Compute(
        ReadOnlySpan<byte> key, ReadOnlySpan<char> messageId, ReadOnlySpan<char> timestamp, in ReadOnlySequence<byte> body, Span<char> destination)
        => Compute(key, messageId, timestamp, body.IsSingleSegment ? new SignedBody(body.FirstSpan) : new SignedBody(body), destination);

    private static void Compute(
        ReadOnlySpan<byte> key, ReadOnlySpan<char> messageId, ReadOnlySpan<char> timestamp, SignedBody body, Span<char> destination)
    {
        Span<byte> mac = stackalloc byte[HashLength];
        var prefixLength = PrefixLength(messageId, timestamp);
        var total = prefixLength + body.Length;
        if (total <= OneShotLimit)
        {
            var buffer = ArrayPool<byte>.Shared.Rent((int)total);
            try
            {
                WritePrefix(buffer, messageId, timestamp);
                body.CopyTo(buffer.AsSpan(prefixLength));
                HMACSHA256.HashData(key, buffer.AsSpan(0, (int)total), mac);
            }
            finally
            {
                ReturnCleared(buffer, (int)total);
            }
        }
        else
        {
            using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
            AppendPrefix(hmac, messageId, timestamp, prefixLength);
            body.AppendTo(hmac);
            hmac.GetHashAndReset(mac);
        }

        Encode(mac, destination);
    }

    // The id is UTF-8 encoded (lone surrogates become U+FFFD, as TextEncoder does in the JavaScript libraries); the
    // timestamp has been checked to be ASCII digits by the verifier, and is produced as such by the signer.
    private static int PrefixLength(ReadOnlySpan<char> messageId, ReadOnlySpan<char> timestamp)
        => Encoding.UTF8.GetByteCount(messageId) + 1 + Encoding.UTF8.GetByteCount(timestamp) + 1;

    private static void WritePrefix(Span<byte> destination, ReadOnlySpan<char> messageId, ReadOnlySpan<char> timestamp)
    {
        var written = Encoding.UTF8.GetBytes(messageId, destination);
        destination[written++] = (byte)'.';
        written += Encoding.UTF8.GetBytes(timestamp, destination[written..]);
        destination[written] = (byte)'.';
    }

    private static void AppendPrefix(IncrementalHash hmac, ReadOnlySpan<char> messageId, ReadOnlySpan<char> timestamp, int prefixLength)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(prefixLength);
        try
        {
            WritePrefix(buffer, messageId, timestamp);
            hmac.AppendData(buffer.AsSpan(0, prefixLength));
        }
        finally
        {
            ReturnCleared(buffer, prefixLength);
        }
    }

    // The buffer held a webhook body (personal data, often) and goes back to a pool shared with the whole process:
    // clear what was written before any other renter can read it.
    private static void ReturnCleared(byte[] buffer, int used)
    {
        CryptographicOperations.ZeroMemory(buffer.AsSpan(0, used));
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private static void Encode(ReadOnlySpan<byte> mac, Span<char> destination)
    {
        if (!Convert.TryToBase64Chars(mac, destination, out var written) || written != Base64Length)
        {
            throw new ArgumentException($"The destination must hold {Base64Length} characters.", nameof(destination));
        }
    }

    /// <summary>The signed body, contiguous or in segments, so that the signing routine exists once for both.</summary>
    private readonly ref struct SignedBody
    {
        private readonly ReadOnlySpan<byte> _contiguous;
        private readonly ReadOnlySequence<byte> _segments;
        private readonly bool _isSegmented;

        public SignedBody(ReadOnlySpan<byte> contiguous)
        {
            _contiguous = contiguous;
            _segments = default;
            _isSegmented = false;
        }

        public SignedBody(ReadOnlySequence<byte> segments)
        {
            _contiguous = default;
            _segments = segments;
            _isSegmented = true;
        }

        public long Length => _isSegmented ? _segments.Length : _contiguous.Length;

        public void CopyTo(Span<byte> destination)
        {
            if (_isSegmented)
            {
                _segments.CopyTo(destination);
            }
            else
            {
                _contiguous.CopyTo(destination);
            }
        }

        public void AppendTo(IncrementalHash hmac)
        {
            if (!_isSegmented)
            {
                hmac.AppendData(_contiguous);
                return;
            }

            foreach (var segment in _segments)
            {
                hmac.AppendData(segment.Span);
            }
        }
    }
}
