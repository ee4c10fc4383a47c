using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clerk.Generated.Webhooks.Tests.Peers;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Webhooks.Tests.Verification;

/// <summary>
/// Differential against svix@2.5.0 (tests/peers/svix-webhooks.mjs): random secrets, ids, timestamps, bodies and
/// header shapes; svix's signatures must equal ours and verify here, our signatures must verify in svix, and every
/// tampered variant must be rejected by both.
/// </summary>
public sealed class SvixDifferentialTests
{
    private const int Cases = 600;
    private const int Seed = 20_250_415;
    private const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    [Test]
    public async Task Agrees_with_svix_on_random_deliveries_and_tampered_variants()
    {
        var random = new Random(Seed);
        var deliveries = Enumerable.Range(0, Cases).Select(i => RandomDelivery(random, i)).ToArray();

        var requests = new List<JsonObject>();
        var checks = new List<Check>();
        foreach (var delivery in deliveries)
        {
            requests.Add(SvixPeer.Sign(delivery.SecretText, delivery.Id, delivery.Timestamp, delivery.Body));
            foreach (var variant in Variants(random, delivery))
            {
                checks.Add(variant);
                requests.Add(SvixPeer.Verify(variant.SecretText, variant.Headers, variant.Body, variant.Now));
            }
        }

        var answers = await SvixPeer.RunAsync(requests);

        var disagreements = new List<string>();
        var answer = 0;
        var check = 0;
        var accepted = 0;
        var rejected = 0;
        foreach (var delivery in deliveries)
        {
            // 1. svix signs; the signature is ours byte for byte and our verifier accepts it.
            var svixSignature = answers[answer++].GetProperty("signature").GetString()!;
            var ours = new ClerkWebhookSigner(ClerkWebhookSigningSecret.Parse(delivery.SecretText))
                .Sign(delivery.Id, DateTimeOffset.FromUnixTimeSeconds(delivery.Timestamp), delivery.Body);
            if (svixSignature != ours)
            {
                disagreements.Add($"case {delivery.Index}: svix signed {svixSignature}, we signed {ours}");
            }

            var verdict = Ours(delivery.SecretText, delivery.Now, new Dictionary<string, string>
            {
                ["svix-id"] = delivery.Id,
                ["svix-timestamp"] = delivery.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["svix-signature"] = svixSignature,
            }, delivery.Body);
            if (!verdict.IsValid)
            {
                disagreements.Add($"case {delivery.Index}: we rejected svix's own signature: {verdict}");
            }

            // 2. Every variant: both verifiers give the expected verdict.
            for (var v = 0; v < VariantsPerDelivery; v++, check++, answer++)
            {
                var c = checks[check];
                var svixOk = answers[answer].GetProperty("ok").GetBoolean();
                var ourResult = Ours(c.SecretText, c.Now, c.Headers, c.Body);
                if (svixOk != c.ShouldAccept || ourResult.IsValid != c.ShouldAccept)
                {
                    disagreements.Add(
                        $"case {delivery.Index} {c.Kind}: expected {(c.ShouldAccept ? "accept" : "reject")}, " +
                        $"svix {(svixOk ? "accepted" : "rejected: " + answers[answer].GetProperty("error").GetString())}, " +
                        $"ours {ourResult}");
                }

                if (c.ShouldAccept)
                {
                    accepted++;
                }
                else
                {
                    rejected++;
                }
            }
        }

        Assert.That(disagreements, Is.Empty, $"seed {Seed}: {disagreements.Count} disagreements, first: {string.Join("\n", disagreements.Take(10))}");
        Assert.That(accepted, Is.EqualTo(Cases), "each delivery has exactly one untampered variant");
        Assert.That(rejected, Is.EqualTo(Cases * (VariantsPerDelivery - 1)));
    }

    [TestCase(" 1614265330", SvixTestVector.Signature, ClerkWebhookVerificationFailure.InvalidTimestamp)]
    [TestCase("1614265330abc", SvixTestVector.Signature, ClerkWebhookVerificationFailure.InvalidTimestamp)]
    [TestCase("01614265330", SvixTestVector.Signature, ClerkWebhookVerificationFailure.InvalidTimestamp)]
    [TestCase("1614265330", SvixTestVector.Signature + ",trailing", ClerkWebhookVerificationFailure.SignatureMismatch)]
    public async Task Is_stricter_than_svix_where_svix_is_lenient(string timestamp, string signature, ClerkWebhookVerificationFailure ours)
    {
        // svix parses the timestamp with parseInt and signs its canonical form, and reads only the first two
        // comma-separated fields of an entry; we sign exactly the header text and require it to be canonical.
        var headers = new Dictionary<string, string>
        {
            ["svix-id"] = SvixTestVector.MessageId,
            ["svix-timestamp"] = timestamp,
            ["svix-signature"] = signature,
        };

        var svix = (await SvixPeer.RunAsync([SvixPeer.Verify(SvixTestVector.Secret, headers, SvixTestVector.Body, SvixTestVector.Timestamp)]))[0];

        Assert.That(svix.GetProperty("ok").GetBoolean(), Is.True, "svix is lenient here");
        Assert.That(Ours(SvixTestVector.Secret, SvixTestVector.Timestamp, headers, SvixTestVector.Body).Failure, Is.EqualTo(ours));
    }

    private const int VariantsPerDelivery = 9;

    private static ClerkWebhookVerificationResult Ours(string secret, long now, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        var verifier = new ClerkWebhookVerifier(
            ClerkWebhookSigningSecret.Parse(secret), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)), ClerkWebhookVerifier.DefaultTolerance);
        return verifier.Verify(body, ClerkWebhookHeaders.Resolve(headers, static (h, name) => h.GetValueOrDefault(name)));
    }

    private static IEnumerable<Check> Variants(Random random, Delivery d)
    {
        var signer = new ClerkWebhookSigner(ClerkWebhookSigningSecret.Parse(d.SecretText));
        var signature = signer.Sign(d.Id, DateTimeOffset.FromUnixTimeSeconds(d.Timestamp), d.Body);
        var ts = d.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Check Make(string kind, bool accept, string? id = null, string? timestamp = null, string? sig = null, byte[]? body = null,
            string? secret = null, long? now = null, string? drop = null)
        {
            var headers = Headers(random, d.Prefix, id ?? d.Id, timestamp ?? ts, Decorate(random, sig ?? signature));
            if (drop is not null)
            {
                headers.Remove(d.Prefix + drop);
            }

            return new Check(kind, accept, secret ?? d.SecretText, headers, body ?? d.Body, now ?? d.Now);
        }

        yield return Make("ours-signed", accept: true);
        yield return Make("body-tampered", accept: false, body: TamperBody(random, d.Body));
        yield return Make("id-tampered", accept: false, id: TamperText(random, d.Id));
        yield return Make("timestamp-tampered", accept: false, timestamp: (d.Timestamp + (random.Next(2) == 0 ? 1 : -1)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return Make("stale", accept: false, now: d.Timestamp + (random.Next(2) == 0 ? 1 : -1) * random.Next(301, 1_000_000));
        yield return Make("secret-tampered", accept: false, secret: RandomSecretText(random));
        yield return Make("signature-tampered", accept: false, sig: "v1," + TamperBase64(random, signature[3..]));
        yield return Make("signature-version", accept: false, sig: (random.Next(2) == 0 ? "v2," : "v1a,") + signature[3..]);
        yield return Make("header-missing", accept: false, drop: new[] { "id", "timestamp", "signature" }[random.Next(3)]);
    }

    // Sometimes surround the real signature with decoys (other keys' signatures, other versions), as Svix does
    // while an endpoint's secret is being rotated.
    private static string Decorate(Random random, string signature)
    {
        var entries = new List<string> { signature };
        for (var i = random.Next(3); i > 0; i--)
        {
            var decoy = random.Next(3) switch
            {
                0 => "v1," + Convert.ToBase64String(RandomBytes(random, 32)),
                1 => "v1a," + Convert.ToBase64String(RandomBytes(random, 64)),
                _ => "v2," + Convert.ToBase64String(RandomBytes(random, 32)),
            };
            entries.Insert(random.Next(entries.Count + 1), decoy);
        }

        return string.Join(' ', entries);
    }

    private static Dictionary<string, string> Headers(Random random, string prefix, string id, string timestamp, string signature) => new()
    {
        [prefix + "id"] = id,
        [prefix + "timestamp"] = timestamp,
        [prefix + "signature"] = signature,
    };

    private static Delivery RandomDelivery(Random random, int index)
    {
        var timestamp = random.NextInt64(1_000_000_000, 4_000_000_000);
        return new Delivery(
            index,
            RandomSecretText(random),
            RandomId(random),
            timestamp,
            timestamp + random.Next(-300, 301),
            RandomBody(random, index),
            random.Next(2) == 0 ? "svix-" : "webhook-");
    }

    private static string RandomSecretText(Random random)
    {
        var key = Convert.ToBase64String(RandomBytes(random, random.Next(1, 65)));
        return random.Next(5) == 0 ? key : "whsec_" + key;
    }

    private static string RandomId(Random random)
    {
        var chars = new char[random.Next(1, 40)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0x21, 0x7F); // printable ASCII, as an HTTP header carries it
        }

        return random.Next(2) == 0 ? "msg_" + new string(chars) : new string(chars);
    }

    private static byte[] RandomBody(Random random, int index)
    {
        if (index % 100 == 99)
        {
            // Past the one-shot limit: the streaming path of the verifier.
            return Encoding.UTF8.GetBytes(RandomJson(random, 0).PadRight(300 * 1024 + random.Next(1000), ' '));
        }

        return random.Next(8) switch
        {
            0 => [],
            1 => Encoding.UTF8.GetBytes(RandomText(random, random.Next(0, 2000))),
            _ => Encoding.UTF8.GetBytes(RandomJson(random, 0)),
        };
    }

    private static string RandomJson(Random random, int depth)
    {
        var data = new JsonObject();
        for (var i = random.Next(1, 8); i > 0; i--)
        {
            data[RandomText(random, random.Next(1, 12))] = random.Next(5) switch
            {
                0 => random.NextInt64(),
                1 => RandomText(random, random.Next(0, 60)),
                2 => random.Next(2) == 0,
                3 when depth < 3 => JsonNode.Parse(RandomJson(random, depth + 1)),
                _ => null,
            };
        }

        var envelope = new JsonObject
        {
            ["type"] = "user." + RandomText(random, 6),
            ["object"] = "event",
            ["data"] = data,
        };
        var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = random.Next(2) == 0 };
        return envelope.ToJsonString(options);
    }

    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            switch (random.Next(6))
            {
                case 0: builder.Append((char)random.Next(0xA0, 0x800)); break;
                case 1: builder.Append((char)random.Next(0x3000, 0xD7FF)); break;
                case 2: builder.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF))); break;
                default: builder.Append((char)random.Next(0x20, 0x7F)); break;
            }
        }

        return builder.ToString();
    }

    private static byte[] TamperBody(Random random, byte[] body)
    {
        // Change one ASCII byte to another ASCII byte so the body stays valid UTF-8: svix hashes the decoded string,
        // and an invalid sequence would test its decoder rather than its signature check.
        var ascii = Enumerable.Range(0, body.Length).Where(i => body[i] < 0x80).ToArray();
        var copy = body.ToArray();
        if (ascii.Length == 0)
        {
            return [.. copy, (byte)'x'];
        }

        var at = ascii[random.Next(ascii.Length)];
        copy[at] = (byte)(copy[at] ^ (1 << random.Next(7)));
        return copy;
    }

    private static string TamperText(Random random, string text)
    {
        var chars = text.ToCharArray();
        var at = random.Next(chars.Length);
        chars[at] = chars[at] == 'z' ? 'y' : (char)Math.Max(0x21, (chars[at] + 1) % 0x7F);
        return new string(chars);
    }

    private static string TamperBase64(Random random, string base64)
    {
        var chars = base64.ToCharArray();
        var at = random.Next(43); // never the '=' padding
        char replacement;
        do
        {
            replacement = Base64Alphabet[random.Next(Base64Alphabet.Length)];
        }
        while (replacement == chars[at]);
        chars[at] = replacement;
        return new string(chars);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private sealed record Delivery(int Index, string SecretText, string Id, long Timestamp, long Now, byte[] Body, string Prefix);

    private sealed record Check(string Kind, bool ShouldAccept, string SecretText, Dictionary<string, string> Headers, byte[] Body, long Now);
}
