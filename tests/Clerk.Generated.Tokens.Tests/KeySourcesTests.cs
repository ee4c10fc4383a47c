using System.Net;
using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Tokens.Tests;

public sealed class KeySourcesTests
{
    [Test]
    public void The_written_out_development_public_key_is_the_public_half_of_the_development_key() =>
        Assert.That(ClerkDevelopmentKey.PublicKeyPem, Is.EqualTo(ClerkDevelopmentKey.Key.PublicKeyPem));

    private static readonly DateTimeOffset Now = new(2026, 5, 12, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_pem_key_verifies_tokens_whatever_their_kid_like_clerks_jwt_key()
    {
        var time = new FakeTimeProvider(Now);
        using var tokens = new ClerkTestTokens(SharedKeys.Primary, time);
        var validator = new ClerkTokenValidator(StaticJwksProvider.FromPem(SharedKeys.Primary.PublicKeyPem), timeProvider: time);

        Assert.That((await validator.ValidateAsync(tokens.Mint(new() { KeyId = "ins_any" }))).IsValid, Is.True);
        using var other = new ClerkTestTokens(SharedKeys.Secondary, time);
        Assert.That((await validator.ValidateAsync(other.Mint())).Reason, Is.EqualTo(TokenRejectionReason.BadSignature));
    }

    [Test]
    public void A_pem_from_an_environment_variable_with_escaped_newlines_is_accepted()
    {
        var escaped = SharedKeys.Primary.PublicKeyPem.ReplaceLineEndings("\\n");

        var provider = StaticJwksProvider.FromPem(escaped);

        Assert.That(provider.TryGetKey("whatever", out var key), Is.True);
        Assert.That(key!.HasSameComponents(SharedKeys.Primary.SigningKey), Is.True);
    }

    [TestCase("not a pem")]
    [TestCase("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")]
    public void A_bad_pem_is_a_clear_argument_error(string pem)
    {
        Assert.That(() => StaticJwksProvider.FromPem(pem), Throws.ArgumentException);
    }

    [Test]
    public void A_small_rsa_key_is_refused()
    {
        using var small = ClerkTestKey.Generate("small", 1024);

        Assert.That(() => StaticJwksProvider.FromPem(small.PublicKeyPem), Throws.ArgumentException.With.Message.Contains("2048"));
    }

    [Test]
    public async Task A_jwks_document_serves_keys_by_kid()
    {
        var time = new FakeTimeProvider(Now);
        var provider = StaticJwksProvider.FromJwks(SharedKeys.Primary.ToJwksJson(SharedKeys.Secondary));
        var validator = new ClerkTokenValidator(provider, timeProvider: time);
        using var primary = new ClerkTestTokens(SharedKeys.Primary, time);
        using var secondary = new ClerkTestTokens(SharedKeys.Secondary, time);

        Assert.That((await validator.ValidateAsync(primary.Mint())).IsValid, Is.True);
        Assert.That((await validator.ValidateAsync(secondary.Mint())).IsValid, Is.True);
        Assert.That((await validator.ValidateAsync(primary.Mint(new() { KeyId = "ins_unknown" }))).Reason, Is.EqualTo(TokenRejectionReason.UnknownKey));
    }

    [TestCase("")]
    [TestCase("{}")]
    [TestCase("{\"keys\":5}")]
    [TestCase("[1,2]")]
    public void A_bad_jwks_document_is_a_format_error(string json)
    {
        Assert.That(() => StaticJwksProvider.FromJwks(json), Throws.InstanceOf<FormatException>());
    }

    [Test]
    public void Validation_with_a_key_in_memory_completes_synchronously()
    {
        var time = new FakeTimeProvider(Now);
        using var tokens = new ClerkTestTokens(SharedKeys.Primary, time);
        var validator = new ClerkTokenValidator(tokens.Keys, timeProvider: time);

        var pending = validator.ValidateAsync(tokens.Mint());

        Assert.That(pending.IsCompletedSuccessfully, Is.True);
        Assert.That(pending.Result.IsValid, Is.True);
        Assert.That(tokens.Keys.AsyncLookupCount, Is.Zero);
    }

    [Test]
    public async Task Tokens_over_the_size_limit_are_refused_before_parsing()
    {
        var time = new FakeTimeProvider(Now);
        using var tokens = new ClerkTestTokens(SharedKeys.Primary, time);
        var token = tokens.Mint();
        var validator = new ClerkTokenValidator(tokens.Keys, new() { MaxTokenLength = token.Length - 1 }, time);

        Assert.That((await validator.ValidateAsync(token)).Reason, Is.EqualTo(TokenRejectionReason.TooLarge));
    }

    [Test]
    public async Task Neither_logs_nor_results_reveal_the_secret_key_or_the_token()
    {
        const string secret = "sk_live_verySecretValue_0123456789";
        var logs = new ListLogger();
        using var handler = new ScriptedJwksHandler(SharedKeys.Primary.ToJwksJson()) { Failure = HttpStatusCode.Unauthorized };
        using var http = new HttpClient(handler);
        var time = new FakeTimeProvider(Now);
        var cache = new JwksCache(http, JwksCacheOptions.ForBackendApi(secret), time, logs);
        var validator = new ClerkTokenValidator(cache, timeProvider: time, logger: logs.For<ClerkTokenValidator>());
        using var tokens = new ClerkTestTokens(SharedKeys.Primary, time);
        var token = tokens.Mint();

        var failed = await validator.ValidateAsync(token);
        handler.Failure = null;
        time.Advance(TimeSpan.FromMinutes(1));
        var succeeded = await validator.ValidateAsync(token);

        Assert.That(failed.Reason, Is.EqualTo(TokenRejectionReason.KeysUnavailable));
        Assert.That(succeeded.IsValid, Is.True);
        Assert.That(logs.Messages, Has.Count.GreaterThanOrEqualTo(3));
        var everything = string.Join("\n", logs.Messages) + failed + succeeded + succeeded.Token + cache.Scope + cache;
        Assert.That(everything, Does.Not.Contain("verySecretValue"));
        Assert.That(everything, Does.Not.Contain(token.Split('.')[2]));
    }

    private sealed class ListLogger : ILogger<JwksCache>
    {
        public List<string> Messages { get; } = [];

        public ILogger<T> For<T>() => new Typed<T>(this);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages)
            {
                Messages.Add(formatter(state, exception) + exception);
            }
        }

        private sealed class Typed<T>(ListLogger inner) : ILogger<T>
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
