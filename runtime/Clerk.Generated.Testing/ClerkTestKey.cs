using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Tokens;

namespace Clerk.Generated.Testing;

/// <summary>
/// An RSA key pair that stands in for a Clerk instance's signing key in tests: signs tokens, and publishes the public
/// half as PEM (<c>CLERK_JWT_KEY</c>), as a JWK and as a JWKS document.
/// </summary>
public sealed class ClerkTestKey : IDisposable
{
    private readonly RSA _rsa;
    private readonly Lazy<ClerkSigningKey> _signingKey;

    private ClerkTestKey(RSA rsa, string keyId)
    {
        _rsa = rsa;
        KeyId = keyId;
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        Modulus = Base64Url.EncodeToString(parameters.Modulus);
        Exponent = Base64Url.EncodeToString(parameters.Exponent);
        PublicKeyPem = rsa.ExportSubjectPublicKeyInfoPem();
        _signingKey = new Lazy<ClerkSigningKey>(() => ClerkSigningKey.FromComponents(keyId, parameters.Modulus, parameters.Exponent));
    }

    /// <summary>The key id tokens signed with this key carry.</summary>
    public string KeyId { get; }

    /// <summary>The public key as PEM (<c>-----BEGIN PUBLIC KEY-----</c>), the format of <c>CLERK_JWT_KEY</c>.</summary>
    public string PublicKeyPem { get; }

    /// <summary>The modulus, base64url (the JWK <c>n</c>).</summary>
    public string Modulus { get; }

    /// <summary>The public exponent, base64url (the JWK <c>e</c>).</summary>
    public string Exponent { get; }

    /// <summary>The public key as the validator uses it (throws for sizes the validator refuses, such as 1024 bits).</summary>
    public ClerkSigningKey SigningKey => _signingKey.Value;

    /// <summary>The modulus size in bits.</summary>
    public int KeySizeInBits => _rsa.KeySize;

    /// <summary>Generates a fresh key pair.</summary>
    /// <param name="keyId">The <c>kid</c>; a random <c>ins_test_…</c> id when null.</param>
    /// <param name="keySizeInBits">2048 (Clerk's size) unless a test needs another.</param>
    public static ClerkTestKey Generate(string? keyId = null, int keySizeInBits = 2048) =>
        new(RSA.Create(keySizeInBits), keyId ?? "ins_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));

    /// <summary>Loads a key pair from a PKCS#8 or PKCS#1 private key PEM.</summary>
    public static ClerkTestKey FromPrivateKeyPem(string privateKeyPem, string keyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(privateKeyPem);
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        return new ClerkTestKey(rsa, keyId);
    }

    /// <summary>The private key as PKCS#8 PEM, for handing to other signers (for example a Node script).</summary>
    public string ExportPrivateKeyPem() => _rsa.ExportPkcs8PrivateKeyPem();

    /// <summary>The public key as one JWK object (<c>kty</c>, <c>use</c>, <c>alg</c>, <c>kid</c>, <c>n</c>, <c>e</c>).</summary>
    public string ToJwkJson() => WriteJson(writer => WriteJwk(writer));

    /// <summary>A JWKS document holding this key and, optionally, others.</summary>
    public string ToJwksJson(params IEnumerable<ClerkTestKey> otherKeys) => WriteJwks([this, .. otherKeys]);

    /// <summary>A JWKS document holding the given keys.</summary>
    public static string WriteJwks(IEnumerable<ClerkTestKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return WriteJson(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in keys)
            {
                key.WriteJwk(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>Signs <paramref name="data"/> with RS256 (RSASSA-PKCS1-v1_5, SHA-256).</summary>
    public byte[] SignRs256(ReadOnlySpan<byte> data) =>
        _rsa.SignData(data.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>Builds a compact JWS from raw header and payload JSON, signed with RS256 by this key.</summary>
    public string SignCompact(string headerJson, string payloadJson)
    {
        ArgumentNullException.ThrowIfNull(headerJson);
        ArgumentNullException.ThrowIfNull(payloadJson);
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(headerJson)) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson));
        return signingInput + "." + Base64Url.EncodeToString(SignRs256(Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <inheritdoc />
    public void Dispose() => _rsa.Dispose();

    /// <summary>Names the key; never prints key material.</summary>
    public override string ToString() => $"ClerkTestKey(kid={KeyId}, {KeySizeInBits} bits)";

    private void WriteJwk(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("use", "sig");
        writer.WriteString("kty", "RSA");
        writer.WriteString("kid", KeyId);
        writer.WriteString("alg", "RS256");
        writer.WriteString("n", Modulus);
        writer.WriteString("e", Exponent);
        writer.WriteEndObject();
    }

    private static string WriteJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
