using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using Clerk.Generated.Tokens.Jwks;

namespace Clerk.Generated.Tokens;

/// <summary>
/// The RS256 step of validation: decode the base64url signature segment and verify it over the signing input.
/// Shared by the validator and the Wycheproof conformance tests, so both exercise the same code.
/// </summary>
internal static class Rs256Signature
{
    /// <summary>An 8192-bit signature is 1366 base64url characters.</summary>
    public const int MaxSegmentLength = 1366;

    /// <summary>Verifies a signature segment given as ASCII bytes (the session-token path).</summary>
    [SkipLocalsInit]
    public static TokenRejectionReason Verify(ClerkSigningKey key, ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signatureSegment)
    {
        if (signatureSegment.Length > MaxSegmentLength)
        {
            return TokenRejectionReason.BadSignature;
        }

        Span<byte> signature = stackalloc byte[Base64Url.GetMaxDecodedLength(MaxSegmentLength)];
        var status = Base64Url.DecodeFromUtf8(signatureSegment, signature, out _, out var length);
        return Verify(key, signingInput, status, signature[..length]);
    }

    /// <summary>Verifies a signature segment given as text.</summary>
    [SkipLocalsInit]
    public static TokenRejectionReason Verify(ClerkSigningKey key, ReadOnlySpan<byte> signingInput, ReadOnlySpan<char> signatureSegment)
    {
        if (signatureSegment.Length > MaxSegmentLength)
        {
            return TokenRejectionReason.BadSignature;
        }

        Span<byte> signature = stackalloc byte[Base64Url.GetMaxDecodedLength(MaxSegmentLength)];
        var status = Base64Url.DecodeFromChars(signatureSegment, signature, out _, out var length);
        return Verify(key, signingInput, status, signature[..length]);
    }

    private static TokenRejectionReason Verify(ClerkSigningKey key, ReadOnlySpan<byte> signingInput, OperationStatus decoding, ReadOnlySpan<byte> signature)
    {
        if (decoding != OperationStatus.Done)
        {
            return TokenRejectionReason.Malformed;
        }

        return key.VerifyRs256(signingInput, signature) ? TokenRejectionReason.None : TokenRejectionReason.BadSignature;
    }
}
