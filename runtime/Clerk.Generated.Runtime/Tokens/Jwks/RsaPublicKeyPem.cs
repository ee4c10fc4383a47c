using System.Diagnostics.CodeAnalysis;
using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Clerk.Generated.Tokens.Jwks;

/// <summary>
/// Reads the modulus and exponent out of a PEM RSA public key (<c>PUBLIC KEY</c>, the SubjectPublicKeyInfo Clerk's
/// dashboard shows, or <c>RSA PUBLIC KEY</c>, PKCS#1) in managed code. Nothing here loads the platform's cryptography
/// library, so a key can be checked at start-up and imported on the first token. Problems are phrases that follow
/// "the text" or the name of a setting, and never repeat the text.
/// </summary>
internal static class RsaPublicKeyPem
{
    private const string RsaEncryptionOid = "1.2.840.113549.1.1.1";

    public static bool TryRead(
        string pem,
        [NotNullWhen(true)] out byte[]? modulus,
        [NotNullWhen(true)] out byte[]? exponent,
        [NotNullWhen(false)] out string? problem)
    {
        modulus = exponent = null;
        var text = Normalize(pem);
        if (!PemEncoding.TryFind(text, out var fields))
        {
            problem = "holds no PEM block";
            return false;
        }

        var label = text.AsSpan()[fields.Label];
        var isSubjectPublicKeyInfo = label.SequenceEqual("PUBLIC KEY");
        if (!isSubjectPublicKeyInfo && !label.SequenceEqual("RSA PUBLIC KEY"))
        {
            problem = label.EndsWith("PRIVATE KEY", StringComparison.Ordinal)
                ? "holds a private key, where the public key belongs"
                : "holds a PEM block that is not a public key";
            return false;
        }

        var der = new byte[fields.DecodedDataLength];
        if (!Convert.TryFromBase64Chars(text.AsSpan()[fields.Base64Data], der, out _))
        {
            problem = "holds a PEM block whose content is not base64";
            return false;
        }

        try
        {
            if (isSubjectPublicKeyInfo && !TryReadSubjectPublicKeyInfo(der, out der))
            {
                problem = "holds a public key that is not an RSA key";
                return false;
            }

            ReadRsaPublicKey(der, out modulus, out exponent);
        }
        catch (AsnContentException)
        {
            modulus = exponent = null;
            problem = "holds a PEM block whose content is not a DER-encoded RSA public key";
            return false;
        }

        problem = null;
        return true;
    }

    // Environment variables often carry PEM with literal "\n" sequences instead of newlines.
    private static string Normalize(string pem) =>
        pem.Contains("\\n", StringComparison.Ordinal) ? pem.Replace("\\n", "\n", StringComparison.Ordinal) : pem;

    /// <summary>SubjectPublicKeyInfo: the algorithm must be rsaEncryption; <paramref name="rsaPublicKey"/> is the key it wraps.</summary>
    private static bool TryReadSubjectPublicKeyInfo(byte[] der, out byte[] rsaPublicKey)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var info = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        var algorithm = info.ReadSequence();
        rsaPublicKey = [];
        if (algorithm.ReadObjectIdentifier() != RsaEncryptionOid)
        {
            return false;
        }

        if (algorithm.HasData)
        {
            algorithm.ReadNull();
        }

        algorithm.ThrowIfNotEmpty();
        rsaPublicKey = info.ReadBitString(out var unusedBits);
        info.ThrowIfNotEmpty();
        if (unusedBits != 0)
        {
            throw new AsnContentException("The key's bit string does not hold whole bytes.");
        }

        return true;
    }

    /// <summary>RSAPublicKey (PKCS#1): a sequence of the modulus and the exponent, both positive.</summary>
    private static void ReadRsaPublicKey(byte[] der, out byte[] modulus, out byte[] exponent)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var key = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        var n = key.ReadIntegerBytes();
        var e = key.ReadIntegerBytes();
        key.ThrowIfNotEmpty();
        if (n.Span[0] >= 0x80 || e.Span[0] >= 0x80)
        {
            throw new AsnContentException("The key's modulus and exponent must be positive.");
        }

        modulus = n.ToArray();
        exponent = e.ToArray();
    }
}
