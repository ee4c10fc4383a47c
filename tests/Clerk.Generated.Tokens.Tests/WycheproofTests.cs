using System.Buffers.Text;
using System.Text.Json;
using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Tokens;

namespace Clerk.Generated.Tokens.Tests;

/// <summary>
/// Project Wycheproof's RSASSA-PKCS1-v1_5 / SHA-256 vectors (2048-bit keys) through the validator's RS256 step:
/// each group's key enters through the JWKS parser, each case's signature through the same base64url decoding and
/// verification the validator applies to a token's third segment. Every <c>valid</c> case must verify, every
/// <c>invalid</c> one must not.
/// </summary>
public sealed class WycheproofTests
{
    private const string VectorFile = "rsa_signature_2048_sha256_test.json";

    public static IEnumerable<TestCaseData> Cases()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepositoryPaths.SharedDir, "test-vectors", "wycheproof", VectorFile)));
        foreach (var group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            var jwk = group.GetProperty("keyJwk").GetRawText();
            foreach (var test in group.GetProperty("tests").EnumerateArray())
            {
                var id = test.GetProperty("tcId").GetInt32();
                var result = test.GetProperty("result").GetString()!;
                var flags = string.Join(",", test.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
                yield return new TestCaseData(jwk, test.GetProperty("msg").GetString()!, test.GetProperty("sig").GetString()!, result)
                    .SetName($"Wycheproof tc{id:D3} {result} [{flags}]");
            }
        }
    }

    [Test]
    public void The_vector_file_holds_all_259_cases()
    {
        Assert.That(Cases().Count(), Is.EqualTo(259));
    }

    [TestCaseSource(nameof(Cases))]
    public void Case(string jwk, string messageHex, string signatureHex, string expected)
    {
        var keySet = JsonWebKeySet.Parse("{\"keys\":[" + jwk + "]}");
        Assert.That(keySet.TryGetKey("none", out var key), Is.True, "the vector's key must be accepted by the JWKS parser");

        // The segment as the validator hands it over: base64url text narrowed to ASCII bytes.
        var signatureSegment = Base64Url.EncodeToUtf8(Convert.FromHexString(signatureHex));
        var verdict = Rs256Signature.Verify(key!, Convert.FromHexString(messageHex), signatureSegment);

        switch (expected)
        {
            case "valid":
                Assert.That(verdict, Is.EqualTo(TokenRejectionReason.None));
                break;
            case "invalid":
                Assert.That(verdict, Is.EqualTo(TokenRejectionReason.BadSignature));
                break;
            default:
                // "acceptable" (tc 8: a DigestInfo without the NULL parameter) may go either way; we reject it, because
                // only the one DER encoding of RFC 8017 is a signature Clerk can have produced.
                Assert.That(expected, Is.EqualTo("acceptable"));
                Assert.That(verdict, Is.EqualTo(TokenRejectionReason.BadSignature));
                break;
        }
    }
}
