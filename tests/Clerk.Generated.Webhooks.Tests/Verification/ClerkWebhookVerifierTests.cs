using System.Buffers;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Webhooks.Tests.Verification;

public sealed class ClerkWebhookVerifierTests
{
    private static FakeTimeProvider ClockAt(long unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    private static ClerkWebhookVerifier VerifierAt(long unixSeconds, TimeSpan? tolerance = null)
        => new(ClerkWebhookSigningSecret.Parse(SvixTestVector.Secret), ClockAt(unixSeconds), tolerance ?? ClerkWebhookVerifier.DefaultTolerance);

    [Test]
    public void Accepts_the_published_svix_example()
    {
        var result = VerifierAt(SvixTestVector.Timestamp).Verify(SvixTestVector.Body, SvixTestVector.Headers());

        Assert.That(result.IsValid, Is.True, result.ToString());
        Assert.That(result.Failure, Is.EqualTo(ClerkWebhookVerificationFailure.None));
        Assert.That(result.Delivery, Is.EqualTo(new ClerkWebhookDelivery(
            SvixTestVector.MessageId, DateTimeOffset.FromUnixTimeSeconds(SvixTestVector.Timestamp))));
    }

    [Test]
    public void Rejects_the_published_example_after_a_one_byte_change_to_the_body()
    {
        var body = SvixTestVector.Body;
        body[^2] ^= 1;

        var result = VerifierAt(SvixTestVector.Timestamp).Verify(body, SvixTestVector.Headers());

        Assert.That(result.Failure, Is.EqualTo(ClerkWebhookVerificationFailure.SignatureMismatch));
        Assert.That(result.Delivery, Is.Null);
    }

    [Test]
    public void Reads_standard_webhook_header_names_and_prefers_svix_names()
    {
        var standard = new Dictionary<string, string>
        {
            ["webhook-id"] = SvixTestVector.MessageId,
            ["webhook-timestamp"] = "1614265330",
            ["webhook-signature"] = SvixTestVector.Signature,
        };
        var headers = ClerkWebhookHeaders.Resolve(standard, static (h, name) => h.GetValueOrDefault(name));
        Assert.That(headers, Is.EqualTo(SvixTestVector.Headers()));
        Assert.That(VerifierAt(SvixTestVector.Timestamp).Verify(SvixTestVector.Body, headers).IsValid, Is.True);

        var both = new Dictionary<string, string>(standard)
        {
            ["svix-id"] = "msg_other",
            ["svix-signature"] = "",
        };
        var mixed = ClerkWebhookHeaders.Resolve(both, static (h, name) => h.GetValueOrDefault(name));
        Assert.That(mixed, Is.EqualTo(new ClerkWebhookHeaders("msg_other", "1614265330", SvixTestVector.Signature)));
    }

    [TestCase(null, "1614265330", SvixTestVector.Signature, ClerkWebhookVerificationFailure.MissingMessageId)]
    [TestCase("", "1614265330", SvixTestVector.Signature, ClerkWebhookVerificationFailure.MissingMessageId)]
    [TestCase(SvixTestVector.MessageId, null, SvixTestVector.Signature, ClerkWebhookVerificationFailure.MissingTimestamp)]
    [TestCase(SvixTestVector.MessageId, "", SvixTestVector.Signature, ClerkWebhookVerificationFailure.MissingTimestamp)]
    [TestCase(SvixTestVector.MessageId, "1614265330", null, ClerkWebhookVerificationFailure.MissingSignature)]
    [TestCase(SvixTestVector.MessageId, "1614265330", "", ClerkWebhookVerificationFailure.MissingSignature)]
    public void Names_the_missing_header(string? id, string? timestamp, string? signature, ClerkWebhookVerificationFailure expected)
    {
        var result = VerifierAt(SvixTestVector.Timestamp).Verify(SvixTestVector.Body, new ClerkWebhookHeaders(id, timestamp, signature));

        Assert.That(result.Failure, Is.EqualTo(expected));
        Assert.That(result.Message, Does.Contain("header is missing"));
    }

    [TestCase("abc")]
    [TestCase("-1614265330")]
    [TestCase("+1614265330")]
    [TestCase(" 1614265330")]
    [TestCase("1614265330 ")]
    [TestCase("01614265330")]
    [TestCase("1614265330.0")]
    [TestCase("1614265330abc")]
    [TestCase("1e9")]
    [TestCase("\uff11\uff16\uff11\uff14")]
    [TestCase("99999999999999999999")]
    [TestCase("253402300800")]
    public void Rejects_a_timestamp_that_is_not_canonical_unix_seconds(string timestamp)
    {
        var result = VerifierAt(SvixTestVector.Timestamp).Verify(SvixTestVector.Body, SvixTestVector.Headers(timestamp: timestamp));

        Assert.That(result.Failure, Is.EqualTo(ClerkWebhookVerificationFailure.InvalidTimestamp));
    }

    [TestCase(0, ClerkWebhookVerificationFailure.None)]
    [TestCase(300, ClerkWebhookVerificationFailure.None)]
    [TestCase(301, ClerkWebhookVerificationFailure.TimestampTooOld)]
    [TestCase(86_400, ClerkWebhookVerificationFailure.TimestampTooOld)]
    [TestCase(-300, ClerkWebhookVerificationFailure.None)]
    [TestCase(-301, ClerkWebhookVerificationFailure.TimestampTooNew)]
    public void Applies_the_five_minute_tolerance_inclusively(long nowMinusTimestamp, ClerkWebhookVerificationFailure expected)
    {
        var result = VerifierAt(SvixTestVector.Timestamp + nowMinusTimestamp).Verify(SvixTestVector.Body, SvixTestVector.Headers());

        Assert.That(result.Failure, Is.EqualTo(expected), result.Message);
        if (expected != ClerkWebhookVerificationFailure.None)
        {
            Assert.That(result.Message, Does.Contain($"{Math.Abs(nowMinusTimestamp)} s").And.Contain("at most 300 s"));
        }
    }

    [Test]
    public void Ignores_sub_second_clock_time_like_svix()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(SvixTestVector.Timestamp + 300).AddMilliseconds(999));
        var verifier = new ClerkWebhookVerifier(ClerkWebhookSigningSecret.Parse(SvixTestVector.Secret), clock, ClerkWebhookVerifier.DefaultTolerance);

        Assert.That(verifier.Verify(SvixTestVector.Body, SvixTestVector.Headers()).IsValid, Is.True);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(verifier.Verify(SvixTestVector.Body, SvixTestVector.Headers()).Failure, Is.EqualTo(ClerkWebhookVerificationFailure.TimestampTooOld));
    }

    [Test]
    public void Honours_a_configured_tolerance()
    {
        var verifier = VerifierAt(SvixTestVector.Timestamp + 11, TimeSpan.FromSeconds(10));

        Assert.That(verifier.Tolerance, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(verifier.Verify(SvixTestVector.Body, SvixTestVector.Headers()).Failure, Is.EqualTo(ClerkWebhookVerificationFailure.TimestampTooOld));
    }

    [TestCase("v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + SvixTestVector.Signature)]
    [TestCase(SvixTestVector.Signature + " v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [TestCase("v1a,c29tZSBlZDI1NTE5IHNpZ25hdHVyZQ== " + SvixTestVector.Signature)]
    [TestCase("  " + SvixTestVector.Signature + "  ")]
    [TestCase("v2,abc " + SvixTestVector.Signature + " garbage")]
    public void Accepts_when_any_v1_entry_matches(string header)
    {
        var result = VerifierAt(SvixTestVector.Timestamp).Verify(SvixTestVector.Body, SvixTestVector.Headers(signature: header));

        Assert.That(result.IsValid, Is.True, result.ToString());
    }

    [TestCase("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE", ClerkWebhookVerificationFailure.SignatureMismatch)]
    [TestCase("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OF=", ClerkWebhookVerificationFailure.SignatureMismatch)]
    [TestCase("v1,G0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", ClerkWebhookVerificationFailure.SignatureMismatch)]
    [TestCase("v1, g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", ClerkWebhookVerificationFailure.SignatureMismatch)]
    [TestCase("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=,extra", ClerkWebhookVerificationFailure.SignatureMismatch)]
    [TestCase("v1", ClerkWebhookVerificationFailure.NoSupportedSignature)]
    [TestCase("V1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", ClerkWebhookVerificationFailure.NoSupportedSignature)]
    [TestCase("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", ClerkWebhookVerificationFailure.NoSupportedSignature)]
    [TestCase("v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", ClerkWebhookVerificationFailure.NoSupportedSignature)]
    [TestCase("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", ClerkWebhookVerificationFailure.NoSupportedSignature)]
    [TestCase(" ", ClerkWebhookVerificationFailure.NoSupportedSignature)]
    public void Rejects_signature_headers_without_a_matching_v1_entry(string header, ClerkWebhookVerificationFailure expected)
    {
        var result = VerifierAt(SvixTestVector.Timestamp).Verify(SvixTestVector.Body, SvixTestVector.Headers(signature: header));

        Assert.That(result.Failure, Is.EqualTo(expected), result.Message);
    }

    [Test]
    public void Rejects_a_changed_message_id_or_timestamp()
    {
        var verifier = VerifierAt(SvixTestVector.Timestamp);

        Assert.That(verifier.Verify(SvixTestVector.Body, SvixTestVector.Headers(id: "msg_p5jXN8AQM9LWM0D4loKWxJeK")).Failure,
            Is.EqualTo(ClerkWebhookVerificationFailure.SignatureMismatch));
        Assert.That(verifier.Verify(SvixTestVector.Body, SvixTestVector.Headers(timestamp: "1614265331")).Failure,
            Is.EqualTo(ClerkWebhookVerificationFailure.SignatureMismatch));
    }

    [Test]
    public void Rejects_a_signature_made_with_another_secret()
    {
        var other = new ClerkWebhookVerifier(
            ClerkWebhookSigningSecret.Parse("whsec_" + Convert.ToBase64String(new byte[24])), ClockAt(SvixTestVector.Timestamp), ClerkWebhookVerifier.DefaultTolerance);

        Assert.That(other.Verify(SvixTestVector.Body, SvixTestVector.Headers()).Failure, Is.EqualTo(ClerkWebhookVerificationFailure.SignatureMismatch));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(1000)]
    [TestCase(256 * 1024 - 40)]
    [TestCase(256 * 1024)]
    [TestCase(3 * 1024 * 1024 + 7)]
    public void Agrees_with_a_reference_signature_for_contiguous_and_segmented_bodies(int size)
    {
        var body = new byte[size];
        new Random(size).NextBytes(body);
        var key = SvixTestVector.KeyOf(SvixTestVector.Secret);
        var headers = SvixTestVector.Headers(signature: SvixTestVector.ReferenceSignature(key, SvixTestVector.MessageId, "1614265330", body));
        var verifier = VerifierAt(SvixTestVector.Timestamp);
        var segmented = Segmented(body, 4093);

        Assert.That(verifier.Verify(body, headers).IsValid, Is.True, "contiguous");
        Assert.That(verifier.Verify(segmented, headers).IsValid, Is.True, "segmented");
        Assert.That(verifier.Verify(new ReadOnlySequence<byte>(body), headers).IsValid, Is.True, "single segment");

        if (size > 0)
        {
            body[size / 2] ^= 0x80;
            Assert.That(verifier.Verify(body, headers).Failure, Is.EqualTo(ClerkWebhookVerificationFailure.SignatureMismatch));
            Assert.That(verifier.Verify(Segmented(body, 4093), headers).Failure, Is.EqualTo(ClerkWebhookVerificationFailure.SignatureMismatch));
        }
    }

    [Test]
    public void Signs_non_ascii_message_ids_as_utf8()
    {
        const string id = "msg_é✓😀";
        var key = SvixTestVector.KeyOf(SvixTestVector.Secret);
        var headers = SvixTestVector.Headers(id: id, signature: SvixTestVector.ReferenceSignature(key, id, "1614265330", SvixTestVector.Body));

        Assert.That(VerifierAt(SvixTestVector.Timestamp).Verify(SvixTestVector.Body, headers).IsValid, Is.True);
    }

    [Test]
    public void VerifyOrThrow_returns_the_delivery_or_throws_with_the_reason()
    {
        var verifier = VerifierAt(SvixTestVector.Timestamp + 1000);

        var error = Assert.Throws<ClerkWebhookVerificationException>(() => verifier.VerifyOrThrow(SvixTestVector.Body, SvixTestVector.Headers()));
        Assert.That(error!.Failure, Is.EqualTo(ClerkWebhookVerificationFailure.TimestampTooOld));
        Assert.That(VerifierAt(SvixTestVector.Timestamp).VerifyOrThrow(SvixTestVector.Body, SvixTestVector.Headers()).MessageId,
            Is.EqualTo(SvixTestVector.MessageId));
    }

    [Test]
    public void Is_built_from_options_with_the_configured_secret_and_tolerance()
    {
        var options = new ClerkWebhookOptions { SigningSecret = SvixTestVector.Secret, Tolerance = TimeSpan.FromSeconds(30) };
        var verifier = ClerkWebhookVerifier.Create(options, ClockAt(SvixTestVector.Timestamp + 30));

        Assert.That(verifier.Verify(SvixTestVector.Body, SvixTestVector.Headers()).IsValid, Is.True);
        Assert.That(verifier.Tolerance, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void Rejects_a_negative_tolerance()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VerifierAt(0, TimeSpan.FromSeconds(-1)));
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int segmentSize)
    {
        if (bytes.Length <= segmentSize)
        {
            // Still split in two so the multi-segment path runs.
            var half = bytes.Length / 2;
            return Sequence([bytes[..half], bytes[half..]]);
        }

        return Sequence(bytes.Chunk(segmentSize).ToArray());
    }

    private static ReadOnlySequence<byte> Sequence(byte[][] chunks)
    {
        var first = new Segment(chunks[0], 0);
        var last = first;
        foreach (var chunk in chunks.Skip(1))
        {
            last = last.Append(chunk);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
