using System.Security.Cryptography;
using Clerk.Generated.Tokens.Jwks;

namespace Clerk.Generated.Tokens.Tests;

/// <summary>
/// <see cref="ClerkSigningKey.IsAcceptedPem"/> checks a PEM key without importing it, so start-up can refuse what the
/// first token would fail on. Each case is diffed against .NET's own importer (<see cref="RSA.ImportFromPem"/>): the
/// check accepts exactly the public keys it imports, with the same components, and <see cref="ClerkSigningKey.FromPem"/>
/// agrees with the check.
/// </summary>
public sealed class PemKeyCheckTests
{
    private static readonly RSA Rsa2048 = CreateRsa(2048);

    [OneTimeTearDown]
    public static void DisposeKey() => Rsa2048.Dispose();

    public static IEnumerable<TestCaseData> AcceptedKeys()
    {
        yield return new TestCaseData(Rsa2048.ExportSubjectPublicKeyInfoPem()).SetName("SubjectPublicKeyInfo (PUBLIC KEY)");
        yield return new TestCaseData(Rsa2048.ExportRSAPublicKeyPem()).SetName("PKCS#1 (RSA PUBLIC KEY)");
        yield return new TestCaseData(Rsa2048.ExportSubjectPublicKeyInfoPem().ReplaceLineEndings("\\n")).SetName("escaped line breaks");
        yield return new TestCaseData("\n  " + Rsa2048.ExportSubjectPublicKeyInfoPem().ReplaceLineEndings("\r\n") + "\n").SetName("CRLF and surrounding space");
        yield return new TestCaseData(CreateRsa(4096).ExportSubjectPublicKeyInfoPem()).SetName("4096 bits");
    }

    public static IEnumerable<TestCaseData> RefusedKeys()
    {
        var spki = Rsa2048.ExportSubjectPublicKeyInfo();
        yield return new TestCaseData("sk_test_not_a_public_key", "holds no PEM block").SetName("a secret key");
        yield return new TestCaseData(Rsa2048.ExportPkcs8PrivateKeyPem(), "holds a private key").SetName("a PKCS#8 private key");
        yield return new TestCaseData(Rsa2048.ExportRSAPrivateKeyPem(), "holds a private key").SetName("a PKCS#1 private key");
        yield return new TestCaseData(Pem("CERTIFICATE", spki), "not a public key").SetName("another label");
        yield return new TestCaseData(Pem("PUBLIC KEY", [0, 0, 0]), "not a DER-encoded RSA public key").SetName("three zero bytes");
        yield return new TestCaseData(Pem("PUBLIC KEY", spki[..^1]), "not a DER-encoded RSA public key").SetName("truncated");
        yield return new TestCaseData(Pem("PUBLIC KEY", [.. spki, 0]), "not a DER-encoded RSA public key").SetName("trailing byte");
        yield return new TestCaseData(Pem("RSA PUBLIC KEY", spki), "not a DER-encoded RSA public key").SetName("SubjectPublicKeyInfo labelled PKCS#1");
        yield return new TestCaseData(Pem("PUBLIC KEY", Rsa2048.ExportRSAPublicKey()), "not a DER-encoded RSA public key").SetName("PKCS#1 labelled SubjectPublicKeyInfo");
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        yield return new TestCaseData(ec.ExportSubjectPublicKeyInfoPem(), "not an RSA key").SetName("an EC public key");
        yield return new TestCaseData(CreateRsa(1024).ExportSubjectPublicKeyInfoPem(), "1024 bits").SetName("1024 bits");
        yield return new TestCaseData(Pem("RSA PUBLIC KEY", RsaPublicKey(EvenModulus(), [1, 0, 1])), "not an odd").SetName("an even modulus");
    }

    [TestCaseSource(nameof(AcceptedKeys))]
    public void A_public_key_the_platform_imports_is_accepted_with_the_same_components(string pem)
    {
        using var reference = RSA.Create();
        reference.ImportFromPem(pem.Replace("\\n", "\n", StringComparison.Ordinal));
        var expected = reference.ExportParameters(includePrivateParameters: false);

        Assert.That(ClerkSigningKey.IsAcceptedPem(pem, out var problem), Is.True, problem);
        var key = ClerkSigningKey.FromPem("local", pem);
        var fromReference = ClerkSigningKey.FromComponents("local", expected.Modulus, expected.Exponent);
        Assert.That(key.HasSameComponents(fromReference), Is.True);
        Assert.That(key.KeySizeInBits, Is.EqualTo(reference.KeySize));
    }

    [TestCaseSource(nameof(RefusedKeys))]
    public void Text_that_is_not_an_accepted_public_key_is_refused_by_the_check_and_by_FromPem_alike(string pem, string expectedProblem)
    {
        Assert.That(ClerkSigningKey.IsAcceptedPem(pem, out var problem), Is.False);
        Assert.That(problem, Does.Contain(expectedProblem));
        Assert.That(problem, Does.Not.Contain(pem.Trim()));
        Assert.That(() => ClerkSigningKey.FromPem("local", pem), Throws.ArgumentException);
    }

    [Test]
    public void The_problem_never_repeats_the_text_even_for_a_private_key()
    {
        var pem = Rsa2048.ExportPkcs8PrivateKeyPem();
        var body = pem.Split('\n')[1];

        ClerkSigningKey.IsAcceptedPem(pem, out var problem);
        var thrown = Assert.Throws<ArgumentException>(() => ClerkSigningKey.FromPem("local", pem));

        Assert.That(problem, Does.Not.Contain(body));
        Assert.That(thrown!.Message, Does.Not.Contain(body));
    }

    private static RSA CreateRsa(int bits)
    {
        var rsa = RSA.Create();
        rsa.KeySize = bits;
        return rsa;
    }

    private static string Pem(string label, byte[] der) => PemEncoding.WriteString(label, der);

    private static byte[] EvenModulus()
    {
        var modulus = Rsa2048.ExportParameters(false).Modulus!;
        modulus[^1] &= 0xFE;
        return modulus;
    }

    private static byte[] RsaPublicKey(byte[] modulus, byte[] exponent)
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(modulus);
            writer.WriteIntegerUnsigned(exponent);
        }

        return writer.Encode();
    }
}
