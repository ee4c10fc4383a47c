using System.Collections.Concurrent;
using System.Diagnostics;
using Clerk.Generated.Fuzzing;
using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Tokens.Tests;

/// <summary>
/// Structure-aware fuzzing of session tokens (grammar in <see cref="HostileJson"/>): every token goes through
/// <see cref="ClerkTokenValidator.ValidateAsync"/>; none may throw, every rejection has a reason and a message, and
/// every token accepted (or signed out as pending) answers all its lazily read claims without throwing.
/// </summary>
[Category("Fuzz")]
public sealed class SessionTokenFuzzTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 12, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Two_hundred_thousand_grammar_tokens_are_rejected_with_a_reason_and_never_throw()
    {
        var total = FuzzScale.Scaled(200_000);
        var signed = FuzzScale.Scaled(4_000);
        var time = new FakeTimeProvider(Now);
        var key = SharedKeys.Primary;
        var json = new HostileJson(FuzzScale.Seed);
        var tokens = new HostileTokens(json, key, Now.ToUnixTimeSeconds());
        var keys = new InMemoryJwksProvider(key.SigningKey);
        ClerkTokenValidator[] validators =
        [
            new(keys, new ClerkTokenValidationOptions(), time),
            new(keys, new ClerkTokenValidationOptions
            {
                AuthorizedParties = { "https://app.example.com" },
                Issuer = "https://clerk.example.com",
                TreatPendingAsSignedOut = false,
                EnableTokenCache = true,
                TokenCacheSize = 100,
            }, time),
        ];

        // Signing is the expensive part (RSA-2048, as the validator requires): each distinct payload is signed once,
        // on every core, and each signed token is validated by both configurations.
        var clock = Stopwatch.StartNew();
        var inputs = Enumerable.Range(0, signed).Select(_ => tokens.SigningInput()).ToArray();
        var signedTokens = new string[signed];
        Parallel.For(0, signed, i => signedTokens[i] = tokens.Sign(inputs[i]));
        var signingTime = clock.Elapsed;

        var verdicts = new ConcurrentDictionary<TokenRejectionReason, int>();
        var validated = 0;
        clock.Restart();
        foreach (var token in signedTokens)
        {
            foreach (var validator in validators)
            {
                await Check(validator, token, verdicts);
                validated++;
            }
        }

        while (validated < total)
        {
            await Check(validators[validated % 2], tokens.Token(sign: false), verdicts);
            validated++;
        }

        TestContext.Out.WriteLine(
            $"session-token fuzz (seed {FuzzScale.Seed}, scale {FuzzScale.Factor}): {validated} tokens through ValidateAsync "
            + $"({signed} distinct signed payloads, signed in {signingTime.TotalSeconds:F1} s; validated in {clock.Elapsed.TotalSeconds:F1} s), 0 exceptions");
        TestContext.Out.WriteLine("verdicts: " + string.Join(", ", verdicts.OrderByDescending(v => v.Value).Select(v => $"{v.Key} {v.Value}")));
        Assert.That(validated, Is.GreaterThanOrEqualTo(total));
        Assert.That(verdicts.Keys, Does.Contain(TokenRejectionReason.None).And.Contain(TokenRejectionReason.Malformed).And.Contain(TokenRejectionReason.DuplicateClaim),
            "the grammar reaches acceptance, malformed JSON and repeated claims");
    }

    [Test]
    public void Two_hundred_thousand_grammar_payloads_read_without_throwing()
    {
        // The payload reader and the lazily read claims directly, without the signature in front: far cheaper, so
        // the grammar's whole range reaches them.
        var total = FuzzScale.Scaled(200_000);
        var json = new HostileJson(FuzzScale.Seed + 1);
        var tokens = new HostileTokens(json, SharedKeys.Primary, Now.ToUnixTimeSeconds());
        var outcomes = new Dictionary<TokenRejectionReason, int>();
        for (var i = 0; i < total; i++)
        {
            var payload = tokens.Payload();
            var verdict = SessionClaimsReader.Read(payload, out var summary);
            outcomes[verdict] = outcomes.GetValueOrDefault(verdict) + 1;
            if (verdict == TokenRejectionReason.None && summary.Subject.IsPresent && summary.ExpiresAt is not null)
            {
                ReadEverything(new ClerkJwt(SharedKeys.Primary.SigningKey, payload, in summary));
            }
        }

        TestContext.Out.WriteLine($"payload fuzz (seed {FuzzScale.Seed + 1}): {total} payloads: "
            + string.Join(", ", outcomes.OrderByDescending(v => v.Value).Select(v => $"{v.Key} {v.Value}")));
        Assert.That(outcomes.Keys, Does.Contain(TokenRejectionReason.None).And.Contain(TokenRejectionReason.Malformed));
    }

    private static async Task Check(ClerkTokenValidator validator, string token, ConcurrentDictionary<TokenRejectionReason, int> verdicts)
    {
        ClerkTokenValidationResult result;
        try
        {
            result = await validator.ValidateAsync(token);
        }
        catch (Exception e)
        {
            Assert.Fail($"ValidateAsync threw {e.GetType().Name}: {e.Message} for token {token}");
            throw;
        }

        verdicts.AddOrUpdate(result.Reason, 1, (_, n) => n + 1);
        if (!result.IsValid)
        {
            Assert.That(result.Message, Is.Not.Empty, token);
        }

        if (result.Token is { } jwt)
        {
            ReadEverything(jwt);
        }
    }

    /// <summary>Every accessor a user may call on a validated token; none may throw.</summary>
    private static void ReadEverything(ClerkJwt jwt)
    {
        _ = (jwt.Subject, jwt.SessionId, jwt.Issuer, jwt.AuthorizedParty, jwt.TokenId, jwt.SessionStatus);
        _ = (jwt.IssuedAt, jwt.NotBefore, jwt.ExpiresAt, jwt.Version, jwt.FactorVerificationAge, jwt.Actor, jwt.IsImpersonated);
        _ = (jwt.Organization?.Permissions.Count, jwt.Features.Count, jwt.Plans.Count, jwt.Claims.ValueKind, jwt.ToString());
        _ = (jwt.HasPermission("org:a:read"), jwt.HasRole("admin"), jwt.HasFeature("o:b"), jwt.HasPlan("pro"), jwt.HasClaim("custom"));
        _ = jwt.TryGetClaim("custom", TestClaimsContext.Default.Int32, out _);
        _ = jwt.TryGetClaim("metadata", TestClaimsContext.Default.TenantClaim, out _);
        foreach (var claim in jwt.Claims.EnumerateObject())
        {
            _ = claim.Name;
            if (claim.Value.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                _ = claim.Value.GetString();
            }
        }
    }
}
