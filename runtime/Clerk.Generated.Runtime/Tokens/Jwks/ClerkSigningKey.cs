using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Clerk.Generated.Tokens.Jwks;

/// <summary>
/// One RSA public key that may sign session tokens, with its <c>kid</c>. The <see cref="RSA"/> instance is built once
/// and reused for every verification (public-key verification does not mutate it).
/// </summary>
public sealed class ClerkSigningKey
{
    /// <summary>Keys below this size are refused: RS256 with less than 2048 bits is not considered secure.</summary>
    public const int MinimumKeySizeInBits = 2048;

    /// <summary>Keys above this size are refused: they only serve to make verification expensive.</summary>
    public const int MaximumKeySizeInBits = 8192;

    private readonly RSA _rsa;
    private readonly byte[] _modulus;
    private readonly byte[] _exponent;

    private ClerkSigningKey(string keyId, RSA rsa, byte[] modulus, byte[] exponent)
    {
        KeyId = keyId;
        _rsa = rsa;
        _modulus = modulus;
        _exponent = exponent;
        KeySizeInBits = rsa.KeySize;
        SignatureLength = (rsa.KeySize + 7) / 8;
    }

    /// <summary>The key id (<c>kid</c>) tokens name this key by.</summary>
    public string KeyId { get; }

    /// <summary>The modulus size in bits.</summary>
    public int KeySizeInBits { get; }

    /// <summary>The exact length of an RS256 signature made with this key.</summary>
    internal int SignatureLength { get; }

    /// <summary>Creates a key from its JWK components (big-endian modulus and exponent).</summary>
    /// <exception cref="ArgumentException">The key is malformed, too small or too large.</exception>
    public static ClerkSigningKey FromComponents(string keyId, ReadOnlySpan<byte> modulus, ReadOnlySpan<byte> exponent)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        var n = TrimLeadingZeros(modulus).ToArray();
        var e = TrimLeadingZeros(exponent).ToArray();
        var bits = ModulusBits(n, e)
            ?? throw new ArgumentException("The RSA key's modulus and exponent must be odd, non-empty numbers.", nameof(modulus));
        if (!IsAcceptedSize(bits))
        {
            throw new ArgumentException($"RSA keys must have {MinimumKeySizeInBits} to {MaximumKeySizeInBits} bits; this one has {bits}.", nameof(modulus));
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportParameters(new RSAParameters { Modulus = n, Exponent = e });
        }
        catch (CryptographicException ex)
        {
            rsa.Dispose();
            throw new ArgumentException("The RSA key could not be imported.", nameof(modulus), ex);
        }

        return new ClerkSigningKey(keyId, rsa, n, e);
    }

    /// <summary>
    /// Creates a key from a PEM public key (<c>-----BEGIN PUBLIC KEY-----</c> or <c>-----BEGIN RSA PUBLIC KEY-----</c>),
    /// such as the <c>CLERK_JWT_KEY</c> your Clerk dashboard shows. Literal <c>\n</c> sequences count as line breaks.
    /// </summary>
    /// <exception cref="ArgumentException">The text holds no RSA public key of an acceptable size.</exception>
    public static ClerkSigningKey FromPem(string keyId, string pem)
    {
        ArgumentException.ThrowIfNullOrEmpty(pem);
        if (!RsaPublicKeyPem.TryRead(pem, out var modulus, out var exponent, out var problem))
        {
            throw new ArgumentException($"The text {problem}.", nameof(pem));
        }

        return FromComponents(keyId, modulus, exponent);
    }

    /// <summary>
    /// Whether <see cref="FromPem"/> would accept the text, checked without importing the key (nothing loads the
    /// platform's cryptography library), for start-up checks of configuration.
    /// </summary>
    /// <param name="pem">The text to check.</param>
    /// <param name="problem">When not, what is wrong, as a phrase to follow the setting's name ("holds no PEM block"); it never repeats the text.</param>
    public static bool IsAcceptedPem(string pem, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (!RsaPublicKeyPem.TryRead(pem, out var modulus, out var exponent, out problem))
        {
            return false;
        }

        var bits = ModulusBits(TrimLeadingZeros(modulus), TrimLeadingZeros(exponent));
        problem = bits is null ? "holds an RSA key whose modulus or exponent is not an odd, non-empty number"
            : !IsAcceptedSize(bits.Value) ? $"holds an RSA key of {bits} bits, where {MinimumKeySizeInBits} to {MaximumKeySizeInBits} are accepted"
            : null;
        return problem is null;
    }

    /// <summary>Whether this key has the same RSA components as another (key ids aside).</summary>
    public bool HasSameComponents(ClerkSigningKey other) =>
        other is not null && _modulus.AsSpan().SequenceEqual(other._modulus) && _exponent.AsSpan().SequenceEqual(other._exponent);

    /// <inheritdoc />
    public override string ToString() => $"ClerkSigningKey(kid={KeyId}, {KeySizeInBits} bits)";

    /// <summary>Verifies an RS256 (RSASSA-PKCS1-v1_5 with SHA-256) signature over <paramref name="signingInput"/>.</summary>
    internal bool VerifyRs256(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        // A signature of any other length is not an RSA signature under this key; refuse before the native call.
        if (signature.Length != SignatureLength)
        {
            return false;
        }

        try
        {
            return _rsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        var start = value.IndexOfAnyExcept((byte)0);
        return start < 0 ? [] : value[start..];
    }

    /// <summary>The modulus size in bits; null unless both numbers (without leading zeros) are odd and not empty.</summary>
    private static int? ModulusBits(ReadOnlySpan<byte> modulus, ReadOnlySpan<byte> exponent) =>
        modulus.IsEmpty || exponent.IsEmpty || exponent.Length > 8 || (modulus[^1] & 1) == 0 || (exponent[^1] & 1) == 0
            ? null
            : (modulus.Length * 8) - System.Numerics.BitOperations.LeadingZeroCount((uint)modulus[0]) + 24;

    private static bool IsAcceptedSize(int bits) => bits is >= MinimumKeySizeInBits and <= MaximumKeySizeInBits;
}
