using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Tokens.Tests;

/// <summary>
/// The opt-in validated-token cache. A cache hit hands back the very result object of the first validation
/// (a fresh validation, with its RSA operation, always builds a new one), which is how these tests tell them apart.
/// </summary>
public sealed class TokenCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 12, 12, 0, 0, TimeSpan.Zero);

    private FakeTimeProvider _time = null!;
    private ClerkTestTokens _tokens = null!;

    [SetUp]
    public void SetUp()
    {
        // NUnit shares one fixture instance across its tests, and these tests move the clock: reset it each time.
        _time = new FakeTimeProvider(Now);
        _tokens = new ClerkTestTokens(SharedKeys.Primary, _time);
    }

    [TearDown]
    public void TearDown() => _tokens.Dispose();

    private ClerkTokenValidator Validator(bool cache, TimeSpan? skew = null, int size = 100) => new(
        _tokens.Keys,
        new ClerkTokenValidationOptions { EnableTokenCache = cache, TokenCacheSize = size, ClockSkew = skew ?? TimeSpan.FromSeconds(5) },
        _time);

    [Test]
    public async Task A_repeated_token_is_served_from_the_cache()
    {
        var validator = Validator(cache: true);
        var token = _tokens.Mint();

        var first = await validator.ValidateAsync(token);
        var second = await validator.ValidateAsync(token);

        Assert.That(first.IsValid, Is.True);
        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public async Task Without_the_option_every_validation_is_done_afresh()
    {
        var validator = Validator(cache: false);
        var token = _tokens.Mint();

        var first = await validator.ValidateAsync(token);
        var second = await validator.ValidateAsync(token);

        Assert.That(second.IsValid, Is.True);
        Assert.That(second, Is.Not.SameAs(first));
    }

    [Test]
    public async Task A_cached_token_is_never_accepted_at_or_after_its_exp()
    {
        var validator = Validator(cache: true, skew: TimeSpan.Zero);
        var token = _tokens.Mint(new() { Lifetime = TimeSpan.FromSeconds(60) });
        var first = await validator.ValidateAsync(token);

        _time.SetUtcNow(Now.AddSeconds(60).AddMilliseconds(-1));
        Assert.That(await validator.ValidateAsync(token), Is.SameAs(first), "still inside its lifetime");

        _time.SetUtcNow(Now.AddSeconds(60));
        Assert.That((await validator.ValidateAsync(token)).Reason, Is.EqualTo(TokenRejectionReason.Expired));
    }

    [Test]
    public async Task Past_exp_the_cache_steps_aside_and_full_validation_applies_the_clock_skew()
    {
        var validator = Validator(cache: true);
        var token = _tokens.Mint();
        var first = await validator.ValidateAsync(token);

        _time.SetUtcNow(Now.AddSeconds(62));
        var withinSkew = await validator.ValidateAsync(token);
        Assert.That(withinSkew.IsValid, Is.True);
        Assert.That(withinSkew, Is.Not.SameAs(first), "re-validated, not served from the cache");

        _time.SetUtcNow(Now.AddSeconds(65));
        Assert.That((await validator.ValidateAsync(token)).Reason, Is.EqualTo(TokenRejectionReason.Expired));
    }

    [Test]
    public async Task Rotating_the_signing_key_out_drops_its_cached_tokens()
    {
        var validator = Validator(cache: true);
        var token = _tokens.Mint();
        Assert.That((await validator.ValidateAsync(token)).IsValid, Is.True);

        _tokens.Keys.SetKeys(SharedKeys.Secondary.SigningKey);

        Assert.That((await validator.ValidateAsync(token)).Reason, Is.EqualTo(TokenRejectionReason.UnknownKey));
    }

    [Test]
    public async Task An_equal_token_in_another_string_instance_is_served_from_the_cache_too()
    {
        var validator = Validator(cache: true);
        var token = _tokens.Mint();
        var first = await validator.ValidateAsync(token);
        Assert.That(await validator.ValidateAsync(token), Is.SameAs(first), "the same instance (a kept-alive connection repeating its header)");

        Assert.That(await validator.ValidateAsync(new string(token.AsSpan())), Is.SameAs(first), "an equal copy");
    }

    [Test]
    public async Task A_token_hit_again_by_the_same_instance_is_still_dropped_with_its_key_and_at_its_exp()
    {
        var validator = Validator(cache: true, skew: TimeSpan.Zero);
        var token = _tokens.Mint(new() { Lifetime = TimeSpan.FromSeconds(60) });
        Assert.That((await validator.ValidateAsync(token)).IsValid, Is.True);
        Assert.That((await validator.ValidateAsync(token)).IsValid, Is.True, "a hit: remembered by instance from now on");

        _time.SetUtcNow(Now.AddSeconds(60));
        Assert.That((await validator.ValidateAsync(token)).Reason, Is.EqualTo(TokenRejectionReason.Expired));

        var later = _tokens.Mint();
        Assert.That((await validator.ValidateAsync(later)).IsValid, Is.True);
        Assert.That((await validator.ValidateAsync(later)).IsValid, Is.True);
        _tokens.Keys.SetKeys(SharedKeys.Secondary.SigningKey);
        Assert.That((await validator.ValidateAsync(later)).Reason, Is.EqualTo(TokenRejectionReason.UnknownKey));
    }

    [Test]
    public async Task The_cache_is_bounded()
    {
        var validator = Validator(cache: true, size: 2);
        var tokens = Enumerable.Range(0, 3).Select(_ => _tokens.Mint()).ToArray();
        var first = new List<ClerkTokenValidationResult>();
        foreach (var token in tokens)
        {
            first.Add(await validator.ValidateAsync(token));
        }

        Assert.That(await validator.ValidateAsync(tokens[2]), Is.Not.SameAs(first[2]), "the third did not fit");
    }

    [Test]
    public async Task A_full_cache_keeps_its_bound_while_new_tokens_keep_arriving()
    {
        var validator = Validator(cache: true, size: 50);
        var tokens = Enumerable.Range(0, 500).Select(_ => _tokens.Mint()).ToArray();
        var results = new List<ClerkTokenValidationResult>();
        foreach (var token in tokens)
        {
            results.Add(await validator.ValidateAsync(token));
            Assert.That(validator.CachedTokenCount, Is.LessThanOrEqualTo(50));
        }

        var served = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            served += ReferenceEquals(await validator.ValidateAsync(tokens[i]), results[i]) ? 1 : 0;
        }

        // Compaction frees room for later tokens instead of freezing the first 50 in place.
        Assert.That(served, Is.InRange(1, 50));
        Assert.That(results.All(r => r.IsValid), Is.True);
    }

    [Test]
    public async Task Rejected_tokens_are_not_cached()
    {
        var validator = Validator(cache: true);
        var token = _tokens.Mint(new() { NotBefore = Now.AddMinutes(1) });

        Assert.That((await validator.ValidateAsync(token)).Reason, Is.EqualTo(TokenRejectionReason.NotYetValid));
        _time.SetUtcNow(Now.AddMinutes(1));
        Assert.That((await validator.ValidateAsync(token)).IsValid, Is.True);
    }
}
