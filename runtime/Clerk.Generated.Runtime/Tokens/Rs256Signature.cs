using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
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
        if (Base64Url.DecodeFromUtf8(signatureSegment, signature, out _, out var length) != OperationStatus.Done)
        {
            return TokenRejectionReason.Malformed;
        }

        return key.VerifyRs256(signingInput, signature[..length]) ? TokenRejectionReason.None : TokenRejectionReason.BadSignature;
    }

    /// <summary>Verifies a signature segment given as text: narrowed to ASCII (anything else is malformed), then as above.</summary>
    [SkipLocalsInit]
    public static TokenRejectionReason Verify(ClerkSigningKey key, ReadOnlySpan<byte> signingInput, ReadOnlySpan<char> signatureSegment)
    {
        if (signatureSegment.Length > MaxSegmentLength)
        {
            return TokenRejectionReason.BadSignature;
        }

        Span<byte> ascii = stackalloc byte[MaxSegmentLength];
        return Ascii.FromUtf16(signatureSegment, ascii, out var length) == OperationStatus.Done
            ? Verify(key, signingInput, ascii[..length])
            : TokenRejectionReason.Malformed;
    }
}
