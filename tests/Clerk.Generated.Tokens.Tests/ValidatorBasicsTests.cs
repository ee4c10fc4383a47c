using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Tokens.Tests;

public sealed class ValidatorBasicsTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 12, 12, 0, 0, TimeSpan.Zero);

    private FakeTimeProvider _time = null!;
    private ClerkTestTokens _tokens = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(Now);
        _tokens = new ClerkTestTokens(SharedKeys.Primary, _time);
    }

    [TearDown]
    public void TearDown() => _tokens.Dispose();

    private ClerkTokenValidator Validator(ClerkTokenValidationOptions? options = null) =>
        new(_tokens.Keys, options, _time);

    [Test]
    public async Task A_default_token_is_valid_and_exposes_its_claims()
    {
        var token = _tokens.Mint(new ClerkTestTokenDescriptor { Subject = "user_abc", SessionId = "sess_xyz", TokenId = "jti_1" });

        var result = await Validator().ValidateAsync(token);

        Assert.That(result.IsValid, Is.True, result.Message);
        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.None));
        var jwt = result.Token!;
        Assert.Multiple(() =>
        {
            Assert.That(jwt.Subject, Is.EqualTo("user_abc"));
            Assert.That(jwt.SessionId, Is.EqualTo("sess_xyz"));
            Assert.That(jwt.TokenId, Is.EqualTo("jti_1"));
            Assert.That(jwt.Issuer, Is.EqualTo("https://clerk.test.local"));
            Assert.That(jwt.AuthorizedParty, Is.EqualTo("http://localhost:3000"));
            Assert.That(jwt.IssuedAt, Is.EqualTo(Now));
            Assert.That(jwt.NotBefore, Is.EqualTo(Now.AddSeconds(-10)));
            Assert.That(jwt.ExpiresAt, Is.EqualTo(Now.AddSeconds(60)));
            Assert.That(jwt.SessionStatus, Is.EqualTo("active"));
            Assert.That(jwt.KeyId, Is.EqualTo(SharedKeys.Primary.KeyId));
            Assert.That(jwt.Organization, Is.Null);
            Assert.That(jwt.Actor, Is.Null);
        });
    }

    [Test]
    public async Task Expiry_honours_the_clock_skew_exactly_like_clerk()
    {
        var validator = Validator();
        var token = _tokens.Mint(new ClerkTestTokenDescriptor { ExpiresAt = Now });

        _time.SetUtcNow(Now.AddSeconds(5).AddMilliseconds(-1));
        Assert.That((await validator.ValidateAsync(token)).IsValid, Is.True, "exp > now - skew");

        _time.SetUtcNow(Now.AddSeconds(5));
        Assert.That((await validator.ValidateAsync(token)).Reason, Is.EqualTo(TokenRejectionReason.Expired), "exp <= now - skew");
    }

    [Test]
    public async Task A_header_seen_on_a_valid_token_still_gets_every_check_on_the_next_ones()
    {
        var keys = new InMemoryJwksProvider(SharedKeys.Primary.SigningKey);
        var validator = new ClerkTokenValidator(keys, timeProvider: _time);
        var first = _tokens.Mint(new ClerkTestTokenDescriptor { SessionId = "sess_first" });
        var second = _tokens.Mint(new ClerkTestTokenDescriptor { SessionId = "sess_second" });
        Assert.That(first[..first.IndexOf('.')], Is.EqualTo(second[..second.IndexOf('.')]), "both tokens share one header");
        Assert.That((await validator.ValidateAsync(first)).IsValid, Is.True);

        var forged = second[..(second.LastIndexOf('.') + 1)] + first[(first.LastIndexOf('.') + 1)..];
        Assert.That((await validator.ValidateAsync(forged)).Reason, Is.EqualTo(TokenRejectionReason.BadSignature));
        Assert.That((await validator.ValidateAsync(second)).Token!.SessionId, Is.EqualTo("sess_second"));

        keys.RemoveKey(SharedKeys.Primary.KeyId);
        Assert.That((await validator.ValidateAsync(second)).Reason, Is.EqualTo(TokenRejectionReason.UnknownKey));
    }
}
