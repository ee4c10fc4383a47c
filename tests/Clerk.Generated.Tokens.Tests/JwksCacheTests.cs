using System.Net;
using Clerk.Generated.Fleet;
using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Clerk.Generated.Tokens.Jwks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Tokens.Tests;

/// <summary>The JWKS cache under concurrency and faults, against a scripted endpoint and a fake clock.</summary>
public sealed class JwksCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 12, 12, 0, 0, TimeSpan.Zero);
    private const string SecretKey = "sk_test_0123456789abcdefghijklmnopqrstuvwxyz";

    private FakeTimeProvider _time = null!;
    private ScriptedJwksHandler _handler = null!;
    private HttpClient _http = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(Start);
        _handler = new ScriptedJwksHandler(SharedKeys.Primary.ToJwksJson());
        _http = new HttpClient(_handler);
    }

    [TearDown]
    public void TearDown()
    {
        _http.Dispose();
        _handler.Dispose();
    }

    private JwksCache Cache(Action<JwksCacheOptions>? configure = null)
    {
        var options = JwksCacheOptions.ForBackendApi(SecretKey, new Uri("https://api.clerk.test"));
        configure?.Invoke(options);
        return new JwksCache(_http, options, _time);
    }

    private string Mint(ClerkTestKey key, string? keyId = null)
    {
        using var tokens = new ClerkTestTokens(key, _time);
        return tokens.Mint(new() { KeyId = keyId });
    }

    private static string Base64Url(string text) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(text));

    private ClerkTokenValidator Validator(IJwksProvider keys) => new(keys, timeProvider: _time);

    [Test]
    public async Task A_thousand_concurrent_cold_validations_make_one_fetch()
    {
        _handler.Delay = TimeSpan.FromMilliseconds(200);
        var validator = Validator(Cache());
        var token = Mint(SharedKeys.Primary);

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(async () => await validator.ValidateAsync(token))));

        Assert.That(results.Count(r => r.IsValid), Is.EqualTo(1000));
        Assert.That(_handler.RequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Instances_sharing_a_distributed_cache_fetch_the_document_once()
    {
        var shared = new ClerkSharedCache(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())));
        var token = Mint(SharedKeys.Primary);

        var first = await Validator(Cache(o => o.SharedCache = shared)).ValidateAsync(token);
        var second = await Validator(Cache(o => o.SharedCache = shared)).ValidateAsync(token);

        Assert.That(new[] { first.IsValid, second.IsValid }, Is.All.True);
        Assert.That(_handler.RequestCount, Is.EqualTo(1), "the second instance reads the first one's document");
    }

    [Test]
    public async Task A_distributed_cache_that_fails_costs_one_fetch_per_instance_and_no_error()
    {
        var shared = new ClerkSharedCache(new UnreachableDistributedCache());
        var token = Mint(SharedKeys.Primary);

        var first = await Validator(Cache(o => o.SharedCache = shared)).ValidateAsync(token);
        var second = await Validator(Cache(o => o.SharedCache = shared)).ValidateAsync(token);

        Assert.That(new[] { first.IsValid, second.IsValid }, Is.All.True);
        Assert.That(_handler.RequestCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Ten_thousand_unknown_kids_cause_at_most_one_fetch_per_window()
    {
        var cache = Cache();
        var validator = Validator(cache);
        Assert.That((await validator.ValidateAsync(Mint(SharedKeys.Primary))).IsValid, Is.True);
        Assert.That(_handler.RequestCount, Is.EqualTo(1), "warm-up");

        async Task<int> FloodAsync()
        {
            // Signing 10,000 tokens would dominate the run; the kid decides the outcome before the signature is read,
            // so one signed token gets 10,000 different headers.
            var parts = Mint(SharedKeys.Primary).Split('.');
            var tokens = Enumerable.Range(0, 10_000)
                .Select(_ => Base64Url("{\"alg\":\"RS256\",\"kid\":\"kid_" + Random.Shared.NextInt64() + "\"}") + "." + parts[1] + "." + parts[2])
                .ToArray();
            var results = await Task.WhenAll(tokens.Select(t => Task.Run(async () => await validator.ValidateAsync(t))));
            return results.Count(r => r.Reason == TokenRejectionReason.UnknownKey);
        }

        Assert.That(await FloodAsync(), Is.EqualTo(10_000));
        Assert.That(_handler.RequestCount, Is.EqualTo(2), "one refresh for the whole first window");

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.That(await FloodAsync(), Is.EqualTo(10_000));
        Assert.That(_handler.RequestCount, Is.EqualTo(2), "still inside the 5-minute window");

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await FloodAsync(), Is.EqualTo(10_000));
        Assert.That(_handler.RequestCount, Is.EqualTo(3), "one more refresh in the next window");
    }

    [Test]
    public async Task Key_rotation_is_picked_up_by_the_unknown_kid_refresh()
    {
        var validator = Validator(Cache());
        Assert.That((await validator.ValidateAsync(Mint(SharedKeys.Primary))).IsValid, Is.True);

        // Clerk rotates: the endpoint now serves the new key alongside the old one.
        _handler.Body = SharedKeys.Primary.ToJwksJson(SharedKeys.Secondary);
        var result = await validator.ValidateAsync(Mint(SharedKeys.Secondary));

        Assert.That(result.IsValid, Is.True, result.Message);
        Assert.That(_handler.RequestCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Keys_are_refetched_after_the_time_to_live_and_removed_keys_stop_validating()
    {
        var cache = Cache();
        var validator = Validator(cache);
        Assert.That((await validator.ValidateAsync(Mint(SharedKeys.Primary))).IsValid, Is.True);

        _handler.Body = SharedKeys.Secondary.ToJwksJson();
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.That((await validator.ValidateAsync(Mint(SharedKeys.Primary))).IsValid, Is.True, "within the TTL");
        Assert.That(_handler.RequestCount, Is.EqualTo(1));

        _time.Advance(TimeSpan.FromMinutes(1));
        var afterTtl = await validator.ValidateAsync(Mint(SharedKeys.Primary));
        Assert.That(afterTtl.Reason, Is.EqualTo(TokenRejectionReason.UnknownKey), "the old key was rotated out");
        Assert.That(_handler.RequestCount, Is.EqualTo(2));
    }

    [Test]
    public async Task When_clerk_is_down_stale_keys_are_served_until_the_limit_then_validation_fails_clearly()
    {
        var validator = Validator(Cache(o => o.MaxStaleness = TimeSpan.FromHours(2)));
        Assert.That((await validator.ValidateAsync(Mint(SharedKeys.Primary))).IsValid, Is.True);

        _handler.Failure = HttpStatusCode.ServiceUnavailable;
        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var stale = await validator.ValidateAsync(Mint(SharedKeys.Primary));
        Assert.That(stale.IsValid, Is.True, "stale keys serve while Clerk is down: " + stale.Message);
        Assert.That(_handler.RequestCount, Is.EqualTo(2));

        for (var i = 0; i < 100; i++)
        {
            await validator.ValidateAsync(Mint(SharedKeys.Primary));
        }

        Assert.That(_handler.RequestCount, Is.EqualTo(2), "failure backoff: no request storm while Clerk is down");

        _handler.Failure = new object();
        _time.Advance(TimeSpan.FromHours(2));
        var expired = await validator.ValidateAsync(Mint(SharedKeys.Primary));
        Assert.That(expired.Reason, Is.EqualTo(TokenRejectionReason.KeysUnavailable));
        Assert.That(expired.Message, Does.Contain("could not be loaded"));

        _handler.Failure = null;
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.That((await validator.ValidateAsync(Mint(SharedKeys.Primary))).IsValid, Is.True, "recovers once Clerk is back");
    }

    [TestCase(HttpStatusCode.Unauthorized)]
    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(null)]
    public async Task A_cold_cache_with_clerk_unreachable_rejects_with_keys_unavailable(HttpStatusCode? status)
    {
        _handler.Failure = status is { } s ? s : new object();

        var result = await Validator(Cache()).ValidateAsync(Mint(SharedKeys.Primary));

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.KeysUnavailable));
    }

    [Test]
    public async Task An_unexpected_exception_from_the_handler_is_a_failed_fetch_not_a_hang()
    {
        _handler.Failure = new InvalidOperationException("a custom handler misbehaves");

        var result = await Validator(Cache()).ValidateAsync(Mint(SharedKeys.Primary)).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.KeysUnavailable));
    }

    [Test]
    public async Task A_jwks_that_is_not_json_counts_as_a_failed_fetch()
    {
        _handler.Body = "<html>maintenance</html>";

        var result = await Validator(Cache()).ValidateAsync(Mint(SharedKeys.Primary));

        Assert.That(result.Reason, Is.EqualTo(TokenRejectionReason.KeysUnavailable));
    }

    [Test]
    public async Task The_backend_api_is_asked_with_the_secret_key_and_the_frontend_api_without()
    {
        await Cache().GetKeyAsync(SharedKeys.Primary.KeyId);
        var frontend = new JwksCache(_http, JwksCacheOptions.ForFrontendApi(new Uri("https://clerk.example.com")), _time);
        await frontend.GetKeyAsync(SharedKeys.Primary.KeyId);

        var requests = _handler.Requests.ToArray();
        Assert.That(requests[0].RequestUri, Is.EqualTo(new Uri("https://api.clerk.test/v1/jwks")));
        Assert.That(requests[0].Headers.Authorization?.ToString(), Is.EqualTo("Bearer " + SecretKey));
        Assert.That(requests[1].RequestUri, Is.EqualTo(new Uri("https://clerk.example.com/.well-known/jwks.json")));
        Assert.That(requests[1].Headers.Authorization, Is.Null);
    }

    [Test]
    public void Caches_are_scoped_by_url_and_secret_key_without_revealing_the_key()
    {
        var a = Cache();
        var b = new JwksCache(_http, JwksCacheOptions.ForBackendApi(SecretKey + "x", new Uri("https://api.clerk.test")), _time);
        var c = new JwksCache(_http, JwksCacheOptions.ForBackendApi(SecretKey, new Uri("https://api.other.test")), _time);

        Assert.That(new[] { a.Scope, b.Scope, c.Scope }, Is.Unique);
        Assert.That(a.Scope, Is.EqualTo(Cache().Scope));
        Assert.That(a.Scope + a + JwksCacheOptions.ForBackendApi(SecretKey), Does.Not.Contain(SecretKey[8..]));
    }

    [Test]
    public async Task One_callers_cancellation_does_not_fail_the_shared_fetch()
    {
        _handler.Delay = TimeSpan.FromMilliseconds(300);
        var cache = Cache();
        using var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        var impatient = cache.GetKeyAsync(SharedKeys.Primary.KeyId, cancelled.Token).AsTask();
        var patient = cache.GetKeyAsync(SharedKeys.Primary.KeyId).AsTask();

        Assert.That(async () => await impatient, Throws.InstanceOf<OperationCanceledException>());
        Assert.That((await patient).Status, Is.EqualTo(JwksKeyLookupStatus.Found));
        Assert.That(_handler.RequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Only_rsa_signing_keys_of_adequate_size_are_kept()
    {
        using var small = ClerkTestKey.Generate("small", 1024);
        var rsa = System.Text.Json.Nodes.JsonNode.Parse(SharedKeys.Primary.ToJwkJson())!;
        string Variant(string kid, string property, string? value)
        {
            var jwk = rsa.DeepClone();
            jwk["kid"] = kid;
            if (value is null)
            {
                jwk.AsObject().Remove(property);
            }
            else
            {
                jwk[property] = value;
            }

            return jwk.ToJsonString();
        }

        _handler.Body = $$"""
            {"keys":[
              {{Variant("no-use", "use", null)}},
              {{Variant("enc", "use", "enc")}},
              {{Variant("rs512", "alg", "RS512")}},
              {{Variant("ec", "kty", "EC")}},
              {{Variant("bad-n", "n", "!!!")}},
              {{small.ToJwkJson()}},
              {"kid":"no-kty"},
              null,
              {{SharedKeys.Primary.ToJwkJson()}}
            ]}
            """;
        var cache = Cache();

        Assert.That(await cache.RefreshAsync(), Is.True);
        Assert.That(cache.CurrentKeys.Keys.Keys, Is.EquivalentTo(new[] { "no-use", SharedKeys.Primary.KeyId }));
        Assert.That(cache.CurrentKeys.SkippedKeyCount, Is.EqualTo(7));
    }

    [Test]
    public async Task Cached_keys_are_found_synchronously_and_keep_their_rsa_instance_across_refreshes()
    {
        var cache = Cache();
        await cache.RefreshAsync();
        Assert.That(cache.TryGetKey(SharedKeys.Primary.KeyId, out var before), Is.True);

        _time.Advance(TimeSpan.FromHours(2));
        Assert.That(cache.TryGetKey(SharedKeys.Primary.KeyId, out _), Is.False, "expired keys are not served synchronously");
        await cache.RefreshAsync();

        Assert.That(cache.TryGetKey(SharedKeys.Primary.KeyId, out var after), Is.True);
        Assert.That(after, Is.SameAs(before));
    }

    /// <summary>A distributed cache whose store is down: every call fails, as Redis's does during an outage.</summary>
    private sealed class UnreachableDistributedCache : IDistributedCache
    {
        public byte[]? Get(string key) => throw Down();

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromException<byte[]?>(Down());

        public void Refresh(string key) => throw Down();

        public Task RefreshAsync(string key, CancellationToken token = default) => Task.FromException(Down());

        public void Remove(string key) => throw Down();

        public Task RemoveAsync(string key, CancellationToken token = default) => Task.FromException(Down());

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw Down();

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => Task.FromException(Down());

        private static TimeoutException Down() => new("the store is unreachable");
    }
}
