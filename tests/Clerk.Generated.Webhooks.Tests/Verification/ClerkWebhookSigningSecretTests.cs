using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Webhooks.Tests.Verification;

[NonParallelizable] // Reads and writes the process environment.
public sealed class ClerkWebhookSigningSecretTests
{
    private const string Base64Key = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [TestCase(SvixTestVector.Secret)]
    [TestCase(Base64Key)]
    [TestCase("  " + SvixTestVector.Secret + "\n")]
    public void Parses_with_or_without_the_prefix_to_the_same_key(string text)
    {
        var verifier = new ClerkWebhookVerifier(
            ClerkWebhookSigningSecret.Parse(text),
            new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(SvixTestVector.Timestamp)),
            ClerkWebhookVerifier.DefaultTolerance);

        Assert.That(verifier.Verify(SvixTestVector.Body, SvixTestVector.Headers()).IsValid, Is.True);
    }

    [TestCase("", "empty")]
    [TestCase("whsec_", "empty")]
    [TestCase("whsec_not base64!", "not valid base64")]
    [TestCase("whsec_MfKQ9r8GKYqrTwjU PD8ILPZIo2LaLaSw", "not valid base64")]
    [TestCase("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS", "not valid base64")]
    [TestCase("whsec_====", "not valid base64")]
    public void Rejects_malformed_secrets_without_repeating_them(string text, string reason)
    {
        var error = Assert.Throws<ClerkWebhookSecretException>(() => ClerkWebhookSigningSecret.Parse(text));

        Assert.That(error!.Message, Does.Contain(reason));
        if (text.Length > "whsec_".Length)
        {
            Assert.That(error.Message, Does.Not.Contain(text["whsec_".Length..]));
        }

        Assert.That(ClerkWebhookSigningSecret.TryParse(text, out var parsed), Is.False);
        Assert.That(parsed, Is.Null);
    }

    [Test]
    public void Never_renders_the_secret()
    {
        var secret = ClerkWebhookSigningSecret.Parse(SvixTestVector.Secret);
        var rendered = string.Join(
            "|",
            secret.ToString(),
            new ClerkWebhookVerifier(secret).ToString(),
            new ClerkWebhookSigner(secret).ToString(),
            new ClerkWebhookOptions { SigningSecret = SvixTestVector.Secret }.ToString());

        Assert.That(rendered, Does.Not.Contain(Base64Key).And.Not.Contain(Base64Key[..8]));
        Assert.That(secret.ToString(), Is.EqualTo("whsec_***"));
    }

    [Test]
    public void Reads_CLERK_WEBHOOK_SIGNING_SECRET_by_default()
    {
        var previous = Environment.GetEnvironmentVariable(ClerkWebhookSigningSecret.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ClerkWebhookSigningSecret.EnvironmentVariable, SvixTestVector.Secret);
            var verifier = ClerkWebhookVerifier.Create(
                new ClerkWebhookOptions(), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(SvixTestVector.Timestamp)));
            Assert.That(verifier.Verify(SvixTestVector.Body, SvixTestVector.Headers()).IsValid, Is.True);

            Environment.SetEnvironmentVariable(ClerkWebhookSigningSecret.EnvironmentVariable, null);
            var missing = Assert.Throws<ClerkWebhookSecretException>(() => ClerkWebhookVerifier.Create(new ClerkWebhookOptions()));
            Assert.That(missing!.Message, Does.Contain("CLERK_WEBHOOK_SIGNING_SECRET"));

            Environment.SetEnvironmentVariable(ClerkWebhookSigningSecret.EnvironmentVariable, "whsec_%%%%");
            var malformed = Assert.Throws<ClerkWebhookSecretException>(() => ClerkWebhookSigningSecret.FromEnvironment());
            Assert.That(malformed!.Message, Does.Contain("CLERK_WEBHOOK_SIGNING_SECRET").And.Contain("not valid base64"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ClerkWebhookSigningSecret.EnvironmentVariable, previous);
        }
    }

    [Test]
    public void Accepts_raw_key_bytes_and_refuses_an_empty_key()
    {
        var key = SvixTestVector.KeyOf(SvixTestVector.Secret);
        var verifier = new ClerkWebhookVerifier(
            ClerkWebhookSigningSecret.FromKeyBytes(key),
            new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(SvixTestVector.Timestamp)),
            ClerkWebhookVerifier.DefaultTolerance);

        Assert.That(verifier.Verify(SvixTestVector.Body, SvixTestVector.Headers()).IsValid, Is.True);
        Assert.Throws<ClerkWebhookSecretException>(() => ClerkWebhookSigningSecret.FromKeyBytes([]));
    }
}
