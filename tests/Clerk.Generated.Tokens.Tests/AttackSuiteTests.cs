using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Tokens.Tests;

/// <summary>
/// Hostile tokens: each must be rejected, and for the right reason (a token refused for the wrong reason means a
/// check ran in the wrong order or not at all). Most are validly RS256-signed by the real key, so only the attack
/// itself can cause the rejection.
/// </summary>
public sealed class AttackSuiteTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 12, 12, 0, 0, TimeSpan.Zero);
    private static readonly long Iat = Now.ToUnixTimeSeconds();
    private static readonly string Kid = SharedKeys.Primary.KeyId;
    private static readonly string GoodHeader = $$"""{"alg":"RS256","kid":"{{Kid}}","typ":"JWT"}""";
    private static readonly string GoodPayload = $$"""{"sub":"user_1","sid":"sess_1","iat":{{Iat}},"nbf":{{Iat - 10}},"exp":{{Iat + 60}},"azp":"http://localhost:3000"}""";

    private static string Sign(string header, string payload) => SharedKeys.Primary.SignCompact(header, payload);

    /// <summary>A header object from a fragment written with single quotes for readability.</summary>
    private static string Header(string fragment) => "{" + fragment.Replace('\'', '"') + "}";

    private static string Payload(string extra) => GoodPayload[..^1] + "," + extra + "}";

    private static string B64(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private static string SignBytes(string header, byte[] payload)
    {
        var signingInput = B64(header) + "." + Base64Url.EncodeToString(payload);
        return signingInput + "." + Base64Url.EncodeToString(SharedKeys.Primary.SignRs256(Encoding.ASCII.GetBytes(signingInput)));
    }

    private static string Unsigned(string header, string payload, string signature) => $"{B64(header)}.{B64(payload)}.{signature}";

    private static string HmacWithPublicKey(string algorithm)
    {
        var signingInput = $"{B64(Header($"'alg':'{algorithm}','kid':'{Kid}','typ':'JWT'"))}.{B64(GoodPayload)}";
        var secret = Encoding.UTF8.GetBytes(SharedKeys.Primary.PublicKeyPem);
        var data = Encoding.ASCII.GetBytes(signingInput);
        var mac = algorithm switch
        {
            "HS256" => HMACSHA256.HashData(secret, data),
            "HS384" => HMACSHA384.HashData(secret, data),
            _ => HMACSHA512.HashData(secret, data),
        };
        return signingInput + "." + Base64Url.EncodeToString(mac);
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    public static IEnumerable<TestCaseData> Attacks()
    {
        TestCaseData Case(string name, Func<string> token, TokenRejectionReason reason) =>
            new TestCaseData(token, reason).SetName("Attack: " + name);

        // Algorithm confusion: decided from the header before any key is touched.
        yield return Case("alg none, empty signature", () => Unsigned(Header($"'alg':'none','kid':'{Kid}'"), GoodPayload, ""), TokenRejectionReason.Malformed);
        yield return Case("alg none, some signature", () => Unsigned(Header($"'alg':'none','kid':'{Kid}'"), GoodPayload, "AAAA"), TokenRejectionReason.UnsupportedAlgorithm);
        yield return Case("alg None (case variant)", () => Sign(Header($"'alg':'None','kid':'{Kid}'"), GoodPayload), TokenRejectionReason.UnsupportedAlgorithm);
        yield return Case("alg HS256 keyed with the public key", () => HmacWithPublicKey("HS256"), TokenRejectionReason.UnsupportedAlgorithm);
        yield return Case("alg HS384 keyed with the public key", () => HmacWithPublicKey("HS384"), TokenRejectionReason.UnsupportedAlgorithm);
        yield return Case("alg HS512 keyed with the public key", () => HmacWithPublicKey("HS512"), TokenRejectionReason.UnsupportedAlgorithm);
        yield return Case("alg RS384", () => Sign(Header($"'alg':'RS384','kid':'{Kid}'"), GoodPayload), TokenRejectionReason.UnsupportedAlgorithm);
        yield return Case("alg PS256", () => Sign(Header($"'alg':'PS256','kid':'{Kid}'"), GoodPayload), TokenRejectionReason.UnsupportedAlgorithm);
        yield return Case("alg ES256", () => Sign(Header($"'alg':'ES256','kid':'{Kid}'"), GoodPayload), TokenRejectionReason.UnsupportedAlgorithm);
        yield return Case("alg missing", () => Sign(Header($"'kid':'{Kid}'"), GoodPayload), TokenRejectionReason.UnsupportedAlgorithm);
        yield return Case("alg as an array", () => Sign(Header($"'alg':['RS256'],'kid':'{Kid}'"), GoodPayload), TokenRejectionReason.UnsupportedAlgorithm);
        yield return Case("alg with trailing space", () => Sign(Header($"'alg':'RS256 ','kid':'{Kid}'"), GoodPayload), TokenRejectionReason.UnsupportedAlgorithm);

        // Key id tricks: the kid only ever names a key in the set; it is never a path, URL or query.
        yield return Case("kid path traversal", () => Sign(Header("'alg':'RS256','kid':'../../../../dev/null'"), GoodPayload), TokenRejectionReason.UnknownKey);
        yield return Case("kid SQL injection", () => Sign(Header("'alg':'RS256','kid':'x\\u0027 OR 1=1--'"), GoodPayload), TokenRejectionReason.UnknownKey);
        yield return Case("kid with NUL byte", () => Sign(Header($"'alg':'RS256','kid':'{Kid}\\u0000'"), GoodPayload), TokenRejectionReason.UnknownKey);
        yield return Case("kid of 300 characters", () => Sign(Header($"'alg':'RS256','kid':'{new string('k', 300)}'"), GoodPayload), TokenRejectionReason.UnknownKey);
        yield return Case("kid as a number", () => Sign(Header("'alg':'RS256','kid':1"), GoodPayload), TokenRejectionReason.Malformed);
        yield return Case("kid missing", () => Sign(Header("'alg':'RS256','typ':'JWT'"), GoodPayload), TokenRejectionReason.MissingKeyId);
        yield return Case("kid empty", () => Sign("{\"alg\":\"RS256\",\"kid\":\"\"}", GoodPayload), TokenRejectionReason.MissingKeyId);
        yield return Case("embedded jwk and jku are ignored; attacker's signature fails", () =>
            SharedKeys.Secondary.SignCompact(Header($"'alg':'RS256','kid':'{Kid}','jku':'https://evil.example/jwks.json','jwk':{{'kty':'RSA','n':'{SharedKeys.Secondary.Modulus}','e':'AQAB'}}"), GoodPayload),
            TokenRejectionReason.BadSignature);
        yield return Case("signed by another key under our kid", () => SharedKeys.Secondary.SignCompact(GoodHeader, GoodPayload), TokenRejectionReason.BadSignature);

        // Duplicates: JSON parsers disagree on which value wins, so a duplicated claim is never trusted.
        yield return Case("duplicate sub", () => Sign(GoodHeader, Payload("\"sub\":\"user_admin\"")), TokenRejectionReason.DuplicateClaim);
        yield return Case("duplicate exp", () => Sign(GoodHeader, Payload($"\"exp\":{Iat + 999999}")), TokenRejectionReason.DuplicateClaim);
        yield return Case("duplicate azp", () => Sign(GoodHeader, Payload("\"azp\":\"https://evil.example\"")), TokenRejectionReason.DuplicateClaim);
        yield return Case("duplicate sub spelled with an escape", () => Sign(GoodHeader, Payload("\"\\u0073ub\":\"user_admin\"")), TokenRejectionReason.DuplicateClaim);
        yield return Case("duplicate alg in header", () => Sign(Header($"'alg':'RS256','kid':'{Kid}','alg':'none'"), GoodPayload), TokenRejectionReason.DuplicateClaim);
        yield return Case("duplicate kid in header", () => Sign(Header($"'alg':'RS256','kid':'{Kid}','kid':'other'"), GoodPayload), TokenRejectionReason.DuplicateClaim);

        // Size and structure.
        yield return Case("huge token (1 MB)", () => Sign(GoodHeader, Payload($"\"pad\":\"{new string('a', 1_000_000)}\"")), TokenRejectionReason.TooLarge);
        yield return Case("huge header segment", () => Sign(Header($"'alg':'RS256','kid':'{Kid}','pad':'{new string('a', 3000)}'"), GoodPayload), TokenRejectionReason.Malformed);
        yield return Case("nested JSON bomb (arrays, depth 5000)", () => Sign(GoodHeader, Payload($"\"bomb\":{Nested(5000)}")), TokenRejectionReason.Malformed);
        yield return Case("nested objects beyond the depth limit", () => Sign(GoodHeader, Payload("\"o\":" + string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40))), TokenRejectionReason.Malformed);
        yield return Case("nested JSON bomb in header", () => Sign(Header($"'alg':'RS256','kid':'{Kid}','x':{Nested(100)}"), GoodPayload), TokenRejectionReason.Malformed);
        yield return Case("payload is an array", () => Sign(GoodHeader, "[" + GoodPayload + "]"), TokenRejectionReason.Malformed);
        yield return Case("payload with trailing data", () => Sign(GoodHeader, GoodPayload + "{}"), TokenRejectionReason.Malformed);
        yield return Case("payload with a comment", () => Sign(GoodHeader, GoodPayload[..^1] + "/*x*/}"), TokenRejectionReason.Malformed);
        yield return Case("payload not JSON", () => Sign(GoodHeader, "user_1"), TokenRejectionReason.Malformed);
        yield return Case("header not JSON", () => Sign("RS256", GoodPayload), TokenRejectionReason.Malformed);
        yield return Case("two segments", () => string.Join('.', Sign(GoodHeader, GoodPayload).Split('.').Take(2)), TokenRejectionReason.Malformed);
        yield return Case("four segments", () => Sign(GoodHeader, GoodPayload) + ".AAAA", TokenRejectionReason.Malformed);
        yield return Case("padding characters", () => Sign(GoodHeader, GoodPayload) + "==", TokenRejectionReason.Malformed);
        yield return Case("standard base64 alphabet", () => Sign(GoodHeader, GoodPayload).Replace('-', '+').Replace('_', '/') + "+/", TokenRejectionReason.Malformed);
        yield return Case("whitespace inside", () => Sign(GoodHeader, GoodPayload).Insert(10, " "), TokenRejectionReason.Malformed);
        yield return Case("Bearer prefix left on", () => "Bearer " + Sign(GoodHeader, GoodPayload), TokenRejectionReason.Malformed);
        yield return Case("a Latin-1 letter in the payload segment", () => Sign(GoodHeader, GoodPayload).Insert(60, "\u00e9"), TokenRejectionReason.Malformed);
        yield return Case("a fullwidth dot between header and payload", () => Sign(GoodHeader, GoodPayload).Replace('.', '\uff0e'), TokenRejectionReason.Malformed);
        yield return Case("a NUL character at the end", () => Sign(GoodHeader, GoodPayload) + "\0", TokenRejectionReason.Malformed);
        yield return Case("invalid UTF-8 in a claim", () => SignBytes(GoodHeader, [.. Encoding.UTF8.GetBytes("{\"sub\":\"user_"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes($"\",\"exp\":{Iat + 60}}}")]), TokenRejectionReason.Malformed);
        yield return Case("UTF-8 byte order mark before the payload", () => SignBytes(GoodHeader, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(GoodPayload)]), TokenRejectionReason.Malformed);

        // Claim types: a claim that is checked must have the type the check expects.
        yield return Case("exp as a string", () => Sign(GoodHeader, GoodPayload.Replace($"\"exp\":{Iat + 60}", $"\"exp\":\"{Iat + 60}\"")), TokenRejectionReason.Malformed);
        yield return Case("exp as a fraction", () => Sign(GoodHeader, GoodPayload.Replace($"\"exp\":{Iat + 60}", $"\"exp\":{Iat + 60}.5")), TokenRejectionReason.Malformed);
        yield return Case("exp beyond year 9999", () => Sign(GoodHeader, GoodPayload.Replace($"\"exp\":{Iat + 60}", "\"exp\":1e30")), TokenRejectionReason.Malformed);
        yield return Case("exp null", () => Sign(GoodHeader, GoodPayload.Replace($"\"exp\":{Iat + 60}", "\"exp\":null")), TokenRejectionReason.Malformed);
        yield return Case("exp missing", () => Sign(GoodHeader, GoodPayload.Replace($",\"exp\":{Iat + 60}", "")), TokenRejectionReason.MissingExpiration);
        yield return Case("nbf as a string", () => Sign(GoodHeader, GoodPayload.Replace($"\"nbf\":{Iat - 10}", "\"nbf\":\"0\"")), TokenRejectionReason.Malformed);
        yield return Case("sub as a number", () => Sign(GoodHeader, GoodPayload.Replace("\"sub\":\"user_1\"", "\"sub\":1")), TokenRejectionReason.MissingSubject);
        yield return Case("sub missing", () => Sign(GoodHeader, GoodPayload.Replace("\"sub\":\"user_1\",", "")), TokenRejectionReason.MissingSubject);

        // Tampering after signing.
        yield return Case("payload swapped under a valid signature", () =>
        {
            var parts = Sign(GoodHeader, GoodPayload).Split('.');
            return $"{parts[0]}.{B64(GoodPayload.Replace("user_1", "user_2"))}.{parts[2]}";
        }, TokenRejectionReason.BadSignature);
        yield return Case("signature truncated by one byte", () => Sign(GoodHeader, GoodPayload)[..^2], TokenRejectionReason.BadSignature);
        yield return Case("signature re-encoded with non-zero padding bits (same bytes)", () =>
        {
            // 256 bytes end in a 2-character group whose last 4 bits are padding; setting one gives a second text
            // for the same signature. Accepting both would make tokens malleable.
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            var token = Sign(GoodHeader, GoodPayload);
            return token[..^1] + alphabet[alphabet.IndexOf(token[^1], StringComparison.Ordinal) | 1];
        }, TokenRejectionReason.Malformed);
        yield return Case("signature with one bit flipped", () =>
        {
            var parts = Sign(GoodHeader, GoodPayload).Split('.');
            var signature = Base64Url.DecodeFromChars(parts[2]);
            signature[^1] ^= 1;
            return $"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(signature)}";
        }, TokenRejectionReason.BadSignature);
        yield return Case("signature prefixed with a zero byte", () =>
        {
            var parts = Sign(GoodHeader, GoodPayload).Split('.');
            return $"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString([0, .. Base64Url.DecodeFromChars(parts[2])])}";
        }, TokenRejectionReason.BadSignature);

        // Token kinds that are not session tokens.
        yield return Case("typ at+jwt (OAuth access token JWT)", () => Sign(Header($"'alg':'RS256','kid':'{Kid}','typ':'at+jwt'"), GoodPayload), TokenRejectionReason.UnsupportedTokenType);
        yield return Case("cat of an M2M JWT", () => Sign(Header($"'alg':'RS256','kid':'{Kid}','cat':'cl_B7d4PD333AAA'"), GoodPayload), TokenRejectionReason.NonSessionToken);
        yield return Case("crit header extension", () => Sign(Header($"'alg':'RS256','kid':'{Kid}','crit':['exp'],'exp':1"), GoodPayload), TokenRejectionReason.UnsupportedCriticalHeader);
        yield return Case("unencoded payload (b64 false)", () => Sign(Header($"'alg':'RS256','kid':'{Kid}','b64':false,'crit':['b64']"), GoodPayload), TokenRejectionReason.UnsupportedCriticalHeader);
        yield return Case("empty token", () => "", TokenRejectionReason.Missing);
        yield return Case("whitespace token", () => "   ", TokenRejectionReason.Missing);
    }

    [TestCaseSource(nameof(Attacks))]
    public async Task Is_rejected_for_the_right_reason(Func<string> token, TokenRejectionReason expected)
    {
        var validator = new ClerkTokenValidator(
            new InMemoryJwksProvider(SharedKeys.Primary.SigningKey),
            new ClerkTokenValidationOptions { AuthorizedParties = { "http://localhost:3000" } },
            new FakeTimeProvider(Now));

        var result = await validator.ValidateAsync(token());

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Reason, Is.EqualTo(expected), result.Message);
        Assert.That(result.Token, Is.Null);
    }

    [Test]
    public async Task The_untampered_base_token_is_valid_so_each_attack_changes_only_one_thing()
    {
        var validator = new ClerkTokenValidator(new InMemoryJwksProvider(SharedKeys.Primary.SigningKey), timeProvider: new FakeTimeProvider(Now));

        var result = await validator.ValidateAsync(Sign(GoodHeader, GoodPayload));

        Assert.That(result.IsValid, Is.True, result.Message);
    }

    [Test]
    public void There_are_at_least_30_attacks() => Assert.That(Attacks().Count(), Is.GreaterThanOrEqualTo(30));
}
