using System.Collections.Concurrent;
using System.Text.Json;
using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Tokens.Tests;

/// <summary>
/// The differential test against Clerk's own verifier: tests/peers/generate-tokens.mjs signs well over 1,000 tokens
/// with jose (valid v1/v2 sessions, every rejection reason, times exactly at every boundary for several clock skews,
/// malformed headers, payloads and serializations); tests/peers/verify-tokens.mjs runs <c>verifyToken</c> of
/// <c>@clerk/backend@3.25.0</c> on each with the same <c>jwtKey</c>, <c>authorizedParties</c>, <c>clockSkewInMs</c>
/// and issuer, its clock pinned to the same instant as ours. Every verdict must match, except the cases listed in
/// <see cref="DeliberatelyStricter"/>, where we reject what Clerk accepts, each for a stated reason.
/// </summary>
[NonParallelizable]
public sealed class DifferentialTests
{
    /// <summary>Labels of generated cases we deliberately reject although @clerk/backend accepts them, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> DeliberatelyStricter = new Dictionary<string, string>
    {
        ["header/kid-missing"] = "kid is required (issue 4): a token without one cannot be matched to a JWKS key, so a PEM-only setup must not accept what a JWKS setup would reject.",
        ["header/cat-unknown"] = "Any cat other than the session (or ignored) category marks a non-session token; @clerk/backend's verifyToken only refuses the M2M category, its handshake verifier refuses them all.",
        ["header/crit"] = "RFC 7515 4.1.11: a recipient must reject a JWS whose crit lists extensions it does not understand.",
        ["header/duplicate-alg-rs256-last"] = "Duplicate header members: JSON.parse keeps the last, other parsers the first; we trust neither.",
        ["payload/duplicate-sub"] = "Duplicate claims: parsers disagree on which value wins; we trust neither.",
        ["payload/duplicate-exp-valid-last"] = "Duplicate claims: parsers disagree on which value wins; we trust neither.",
        ["payload/exp-fraction"] = "NumericDate claims must be integers here; Clerk mints integers only, and rounding rules differ between parsers.",
        ["payload/exp-exponent-notation"] = "NumericDate claims must be plain integers (see exp-fraction).",
        ["payload/exp-huge"] = "exp beyond year 9999 is not a date; @clerk/backend turns it into an invalid Date that never compares as expired.",
        ["payload/sid-number"] = "Registered string claims (sid, azp, iss, jti, sts) must be strings when present; a number cannot be the session id.",
        ["payload/azp-number-unconfigured"] = "Registered string claims must be strings when present (see sid-number).",
        ["payload/deep-nesting"] = "Payload nesting is capped at 32 levels to bound parsing work (JSON bombs).",
        ["payload/invalid-utf8"] = "JSON text must be UTF-8 (RFC 8259); TextDecoder silently replaces broken bytes, which lets two different byte strings read as the same claims.",
        ["payload/bom"] = "JSON text in a JWS must not start with a byte order mark (RFC 8259 8.1); TextDecoder strips it silently.",
        ["format/padded-signature"] = "JWS compact serialization uses unpadded base64url (RFC 7515 2); '=' is refused so one token has one spelling.",
    };

    private static readonly Dictionary<string, TokenRejectionReason> ClaimReasons = new()
    {
        ["token-expired"] = TokenRejectionReason.Expired,
        ["token-not-active-yet"] = TokenRejectionReason.NotYetValid,
        ["token-iat-in-the-future"] = TokenRejectionReason.IssuedInFuture,
        ["token-invalid-authorized-parties"] = TokenRejectionReason.DisallowedAuthorizedParty,
        ["token-invalid-issuer"] = TokenRejectionReason.InvalidIssuer,
    };

    private sealed record Case(int Id, string Label, string Token, string[] AuthorizedParties, double? ClockSkewInMs, string? Issuer);

    private sealed record Verdict(int Id, bool Valid, string? Reason, string? Sub);

    [Test]
    public async Task Our_verdicts_match_clerk_backend_on_every_generated_token()
    {
        var work = Directory.CreateTempSubdirectory("clerk-differential-");
        try
        {
            var primary = SharedKeys.Primary;
            const long nowMs = 1_778_587_200_500; // 2026-05-12T12:00:00.500Z: not a whole second, on purpose.
            var input = Path.Combine(work.FullName, "input.json");
            var tokensFile = Path.Combine(work.FullName, "tokens.json");
            var pemFile = Path.Combine(work.FullName, "jwt-key.pem");
            var verdictsFile = Path.Combine(work.FullName, "verdicts.json");
            await File.WriteAllTextAsync(input, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["nowMs"] = nowMs,
                ["kid"] = primary.KeyId,
                ["privateKeyPem"] = primary.ExportPrivateKeyPem(),
                ["otherPrivateKeyPem"] = SharedKeys.Secondary.ExportPrivateKeyPem(),
                ["publicKeyPem"] = primary.PublicKeyPem,
                ["seed"] = 4,
            }));
            await File.WriteAllTextAsync(pemFile, primary.PublicKeyPem);

            await NodeScript.RunAsync("generate-tokens.mjs", [input, tokensFile], TimeSpan.FromSeconds(90));
            await NodeScript.RunAsync("verify-tokens.mjs", [tokensFile, pemFile, verdictsFile], TimeSpan.FromSeconds(90));

            var cases = ReadArray<Case>(tokensFile, "cases");
            var verdicts = ReadArray<Verdict>(verdictsFile, "results").ToDictionary(v => v.Id);
            Assert.That(cases, Has.Count.GreaterThanOrEqualTo(1000));

            var keys = StaticJwksProvider.FromPem(primary.PublicKeyPem);
            var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(nowMs));
            var validators = new ConcurrentDictionary<string, ClerkTokenValidator>();
            var agreements = 0;
            var stricter = new List<string>();
            var disagreements = new List<string>();
            var reasonMismatches = new List<string>();
            var perLabel = new SortedDictionary<string, (int Total, int Agree)>(StringComparer.Ordinal);

            foreach (var c in cases)
            {
                var clerk = verdicts[c.Id];
                var validator = validators.GetOrAdd(
                    $"{string.Join(',', c.AuthorizedParties)}|{c.ClockSkewInMs}|{c.Issuer}",
                    _ => new ClerkTokenValidator(keys, Options(c), time));
                var ours = await validator.ValidateAsync(c.Token);

                var agree = ours.IsValid == clerk.Valid;
                var counts = perLabel.GetValueOrDefault(c.Label);
                perLabel[c.Label] = (counts.Total + 1, counts.Agree + (agree ? 1 : 0));
                if (agree)
                {
                    agreements++;
                    if (ours.IsValid && ours.Token!.Subject != clerk.Sub)
                    {
                        disagreements.Add($"#{c.Id} {c.Label}: both accept but sub differs ({ours.Token.Subject} vs {clerk.Sub})");
                    }

                    // Reasons are compared where the case isolates one claim check; elsewhere (a duplicated exp, say)
                    // the two verifiers legitimately stop at different checks.
                    var isolatesClaimCheck = c.Label.StartsWith("time/", StringComparison.Ordinal) || c.Label is "azp" or "iss";
                    if (isolatesClaimCheck && !ours.IsValid && clerk.Reason is { } reason && ClaimReasons.TryGetValue(reason, out var expected) && ours.Reason != expected)
                    {
                        reasonMismatches.Add($"#{c.Id} {c.Label}: clerk {reason}, ours {ours.Reason}");
                    }
                }
                else if (!ours.IsValid && DeliberatelyStricter.ContainsKey(c.Label))
                {
                    stricter.Add($"#{c.Id} {c.Label}: ours {ours.Reason}");
                }
                else
                {
                    disagreements.Add($"#{c.Id} {c.Label}: ours {(ours.IsValid ? "valid" : ours.Reason)}, clerk {(clerk.Valid ? "valid" : clerk.Reason)}");
                }
            }

            TestContext.Out.WriteLine($"@clerk/backend differential: {cases.Count} tokens, {agreements} agreements, {stricter.Count} deliberately stricter, {disagreements.Count} disagreements");
            foreach (var (label, (total, agree)) in perLabel)
            {
                TestContext.Out.WriteLine($"  {label,-40} {agree,4}/{total,-4}{(DeliberatelyStricter.TryGetValue(label, out var why) && agree < total ? "  stricter: " + why : string.Empty)}");
            }

            Assert.Multiple(() =>
            {
                Assert.That(disagreements, Is.Empty, "verdicts that differ without a documented reason");
                Assert.That(reasonMismatches, Is.Empty, "claim-level rejection reasons that differ from Clerk's");
                Assert.That(agreements + stricter.Count, Is.EqualTo(cases.Count));
                Assert.That(cases.Count(c => verdicts[c.Id].Valid), Is.GreaterThan(300), "the corpus must hold plenty of valid tokens");
            });
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static ClerkTokenValidationOptions Options(Case c)
    {
        // verifyToken judges the token alone; @clerk/backend applies treatPendingAsSignedOut later, to the auth
        // object. The pending rule has its own tests (HostileJsonTests).
        var options = new ClerkTokenValidationOptions { Issuer = c.Issuer, TreatPendingAsSignedOut = false };
        foreach (var party in c.AuthorizedParties)
        {
            options.AuthorizedParties.Add(party);
        }

        if (c.ClockSkewInMs is { } skew)
        {
            options.ClockSkew = TimeSpan.FromMilliseconds(skew);
        }

        return options;
    }

    private static List<T> ReadArray<T>(string path, string property)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return document.RootElement.GetProperty(property).Deserialize<List<T>>(options)!;
    }
}
