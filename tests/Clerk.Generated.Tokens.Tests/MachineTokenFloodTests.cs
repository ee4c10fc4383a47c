using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Threading.RateLimiting;
using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Tokens.Tests;

/// <summary>Fake machine tokens must not cost Backend API calls beyond the local limit, and must not lock real ones out.</summary>
public sealed class MachineTokenFloodTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 12, 12, 0, 0, TimeSpan.Zero);
    private const string SecretKey = "sk_test_machine_0123456789";
    private const string RealApiKey = "ak_LCWGdaM8mv8K4PC/57IICZQXAeWfCgF30DZaFXHoGn9=";
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly FakeTimeProvider _time = new(Now);
    private readonly ConcurrentQueue<string> _calls = new();
    private Func<string, HttpResponseMessage> _respond = null!;

    private sealed class BackendApi(Func<string, HttpResponseMessage> respond, ConcurrentQueue<string> calls) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            calls.Enqueue(body);
            return respond(body);
        }
    }

    [SetUp]
    public void SetUp()
    {
        _calls.Clear();
        _respond = body => body.Contains(RealApiKey, StringComparison.Ordinal) ? Verified() : new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private static HttpResponseMessage Verified() => new(HttpStatusCode.OK)
    {
        Content = new StringContent("""{"id":"ak_real","subject":"user_1","revoked":false,"expired":false}""", Encoding.UTF8, "application/json"),
    };

    private ClerkTokenValidator Validator(ClerkMachineTokenVerifierOptions? options = null) => new(
        new InMemoryJwksProvider(SharedKeys.Primary.SigningKey),
        new ClerkTokenValidationOptions { AcceptsToken = ClerkTokenTypes.Any },
        _time,
        new ClerkMachineTokenVerifier(new HttpClient(new BackendApi(b => _respond(b), _calls)), SecretKey, new Uri("https://api.clerk.test"), _time, options: options));

    private static RateLimiter FixedBudget(int calls) => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
    {
        TokenLimit = calls,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromHours(1),
        QueueLimit = 0,
        AutoReplenishment = false,
    });

    [TestCase("ak_short")]
    [TestCase("mt_0123456789abcdef ghij")]
    [TestCase("oat_0123456789abcdef+ghij")]
    [TestCase("mt_0123456789abcdef/ghij")]
    [TestCase("ak_0123456789abcdef\u00e9ghij")]
    [TestCase("oat_")]
    public async Task A_string_not_shaped_like_a_clerk_machine_token_is_refused_without_a_call(string token)
    {
        var result = await Validator().ValidateAsync(token);

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.Malformed));
        Assert.That(_calls, Is.Empty);
    }

    [Test]
    public async Task An_overlong_machine_token_is_refused_without_a_call()
    {
        var result = await Validator().ValidateAsync("ak_" + new string('A', MachineTokenShape.MaxBodyLength + 1));

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.Malformed));
        Assert.That(_calls, Is.Empty);
    }

    [TestCase("ak_LCWGdaM8mv8K4PC/57IICZQXAeWfCgF30DZaFXHoGn9=", ClerkTokenTypes.ApiKey)]
    [TestCase("mt_8XOIucKvqHVr5tYP123456789abcdefghij", ClerkTokenTypes.M2MToken)]
    [TestCase("oat_8XOIucKvqHVr5tYP123456789abcdefghij", ClerkTokenTypes.OAuthToken)]
    public void Clerk_fixture_tokens_have_the_accepted_shape(string token, ClerkTokenTypes type)
    {
        // The fixtures of @clerk/backend 3.25.0 (dist/fixtures/machine.d.ts, mockTokens).
        Assert.That(MachineTokenShape.IsWellShaped(token, type), Is.True);
    }

    [Test]
    public async Task Clerk_answering_429_is_unavailable_with_its_retry_after_never_invalid()
    {
        _respond = _ => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.FromSeconds(30)) } };

        var result = await Validator().ValidateAsync(RealApiKey);

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.MachineTokenVerificationUnavailable));
        Assert.That(result.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    public async Task Clerk_answering_5xx_is_unavailable(HttpStatusCode status)
    {
        _respond = _ => new HttpResponseMessage(status);

        var result = await Validator().ValidateAsync(RealApiKey);

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.MachineTokenVerificationUnavailable));
    }

    [Test]
    public async Task A_token_clerk_refused_is_refused_again_without_a_call_until_the_verdict_expires()
    {
        var validator = Validator();
        const string fake = "ak_0123456789abcdef0123456789abcdef";

        Assert.That((await validator.ValidateAsync(fake)).Reason, Is.EqualTo(TokenRejectionReason.MachineTokenInvalid));
        Assert.That((await validator.ValidateAsync(fake)).Reason, Is.EqualTo(TokenRejectionReason.MachineTokenInvalid));
        Assert.That(_calls, Has.Count.EqualTo(1));

        _time.Advance(TimeSpan.FromMinutes(1));
        await validator.ValidateAsync(fake);
        Assert.That(_calls, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task An_accepted_token_is_reused_for_the_valid_verdict_duration_then_verified_again()
    {
        var validator = Validator();

        Assert.That((await validator.ValidateAsync(RealApiKey)).IsValid, Is.True);
        Assert.That((await validator.ValidateAsync(RealApiKey)).IsValid, Is.True);
        Assert.That(_calls, Has.Count.EqualTo(1));

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.That((await validator.ValidateAsync(RealApiKey)).IsValid, Is.True);
        Assert.That(_calls, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_used_up_local_limit_is_unavailable_with_a_retry_delay_not_invalid()
    {
        var validator = Validator(new ClerkMachineTokenVerifierOptions { RateLimiter = FixedBudget(1) });
        await validator.ValidateAsync("ak_0123456789abcdef0123456789abcdef");

        var result = await validator.ValidateAsync(RealApiKey);

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.MachineTokenVerificationUnavailable));
        Assert.That(result.RetryAfter, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(_calls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Ten_thousand_random_machine_tokens_cost_at_most_the_configured_calls_and_real_tokens_keep_verifying()
    {
        const int budget = 25;
        var validator = Validator(new ClerkMachineTokenVerifierOptions { RateLimiter = FixedBudget(budget) });
        Assert.That((await validator.ValidateAsync(RealApiKey)).IsValid, Is.True, "the real key before the flood");
        var random = new Random(9);
        string[] prefixes = ["ak_", "mt_", "oat_"];
        var verdicts = new Dictionary<TokenRejectionReason, int>();
        var realDuringFlood = 0;

        for (var i = 0; i < 10_000; i++)
        {
            var body = new string(Enumerable.Range(0, random.Next(MachineTokenShape.MinBodyLength, 65))
                .Select(_ => Alphanumerics[random.Next(Alphanumerics.Length)]).ToArray());
            var fake = await validator.ValidateAsync(prefixes[random.Next(prefixes.Length)] + body);
            Assert.That(fake.IsValid, Is.False);
            verdicts[fake.Reason] = verdicts.GetValueOrDefault(fake.Reason) + 1;

            if (i % 250 == 0)
            {
                var real = await validator.ValidateAsync(RealApiKey);
                Assert.That(real.IsValid, Is.True, $"the real key during the flood, after {i} fakes: {real.Message}");
                realDuringFlood++;
            }
        }

        TestContext.Out.WriteLine($"calls: {_calls.Count}, real verifications during the flood: {realDuringFlood}, fakes: "
            + string.Join(", ", verdicts.Select(v => $"{v.Key} {v.Value}")));
        Assert.That(_calls, Has.Count.LessThanOrEqualTo(budget));
        Assert.That(verdicts.Keys, Is.SubsetOf(new[] { TokenRejectionReason.MachineTokenInvalid, TokenRejectionReason.MachineTokenVerificationUnavailable }));
    }
}
