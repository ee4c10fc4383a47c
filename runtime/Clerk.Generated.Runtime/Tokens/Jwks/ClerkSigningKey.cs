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
        if (n.Length == 0 || e.Length == 0 || e.Length > 8 || (n[^1] & 1) == 0 || (e[^1] & 1) == 0)
        {
            throw new ArgumentException("The RSA key's modulus and exponent must be odd, non-empty numbers.", nameof(modulus));
        }

        var bits = (n.Length * 8) - System.Numerics.BitOperations.LeadingZeroCount((uint)n[0]) + 24;
        if (bits < MinimumKeySizeInBits || bits > MaximumKeySizeInBits)
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
    /// such as the <c>CLERK_JWT_KEY</c> your Clerk dashboard shows.
    /// </summary>
    /// <exception cref="ArgumentException">The text holds no RSA public key of an acceptable size.</exception>
    public static ClerkSigningKey FromPem(string keyId, string pem)
    {
        ArgumentException.ThrowIfNullOrEmpty(pem);
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(NormalizePem(pem));
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new ArgumentException("The text is not a PEM-encoded RSA public key.", nameof(pem), ex);
        }

        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return FromComponents(keyId, parameters.Modulus, parameters.Exponent);
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

    // Environment variables often carry PEM with literal "\n" sequences instead of newlines.
    private static string NormalizePem(string pem) => pem.Contains("\\n", StringComparison.Ordinal) ? pem.Replace("\\n", "\n", StringComparison.Ordinal) : pem;
}
