namespace Clerk.Generated.Webhooks.Tests.Verification;

public sealed class ClerkWebhookSignerTests
{
    [Test]
    public void Reproduces_the_published_svix_signature()
    {
        var signer = new ClerkWebhookSigner(ClerkWebhookSigningSecret.Parse(SvixTestVector.Secret));

        var signature = signer.Sign(SvixTestVector.MessageId, DateTimeOffset.FromUnixTimeSeconds(SvixTestVector.Timestamp), SvixTestVector.Body);

        Assert.That(signature, Is.EqualTo(SvixTestVector.Signature));
    }

    [Test]
    public void Creates_headers_with_whole_seconds_that_the_verifier_accepts()
    {
        var secret = ClerkWebhookSigningSecret.Parse(SvixTestVector.Secret);
        var when = DateTimeOffset.FromUnixTimeSeconds(SvixTestVector.Timestamp).AddMilliseconds(999);

        var headers = new ClerkWebhookSigner(secret).CreateHeaders(SvixTestVector.MessageId, when, SvixTestVector.Body);

        Assert.That(headers, Is.EqualTo(SvixTestVector.Headers()));
    }

    [Test]
    public void Refuses_an_empty_message_id()
    {
        var signer = new ClerkWebhookSigner(ClerkWebhookSigningSecret.Parse(SvixTestVector.Secret));

        Assert.Throws<ArgumentException>(() => signer.Sign("", DateTimeOffset.UnixEpoch, SvixTestVector.Body));
    }
}
