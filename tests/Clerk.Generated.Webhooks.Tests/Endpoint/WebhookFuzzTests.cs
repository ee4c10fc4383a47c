using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Clerk.Generated.Fuzzing;

namespace Clerk.Generated.Webhooks.Tests.Endpoint;

/// <summary>
/// Malformed deliveries through <c>MapClerkWebhooks</c> over TestServer: broken headers (ids, timestamps,
/// signatures), correctly signed bodies that are not a Clerk event (grammar JSON with a defect: lone surrogates,
/// invalid UTF-8, wrong member types, depth, trailing data, truncation), and bodies over the size limit, declared or
/// streamed. No answer may be a 5xx, and no handler may run.
/// </summary>
[Category("Fuzz")]
public sealed class WebhookFuzzTests
{
    private const int MaxBodyBytes = 8 * 1024;

    private const string ValidEvent = """{"type":"user.created","object":"event","data":{"id":"user_1"},"timestamp":1654012591835}""";

    [Test]
    public async Task Twenty_thousand_malformed_deliveries_never_get_a_5xx_or_reach_a_handler()
    {
        var total = FuzzScale.Scaled(20_000);
        var calls = 0;
        await using var host = await WebhookHost.StartAsync(
            h =>
            {
                h.On("user.created", (ClerkWebhookEvent _, CancellationToken _) =>
                {
                    Interlocked.Increment(ref calls);
                    return Task.CompletedTask;
                });
                h.OnAny((ClerkWebhookEvent _, CancellationToken _) =>
                {
                    Interlocked.Increment(ref calls);
                    return Task.CompletedTask;
                });
            },
            MaxBodyBytes);
        var json = new HostileJson(FuzzScale.Seed + 3);
        var deliveries = Enumerable.Range(0, total).Select(_ => Delivery(json, host)).ToArray();

        var statuses = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (delivery, _) =>
        {
            using var response = await host.Client.SendAsync(delivery.Message);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate($"{delivery.Kind} {status}", 1, (_, n) => n + 1);
            if (status >= 500 || status is >= 200 and < 300)
            {
                failures.Enqueue($"{delivery.Kind}: {status}");
            }
        });

        TestContext.Out.WriteLine($"webhook fuzz (seed {FuzzScale.Seed + 3}, scale {FuzzScale.Factor}): {total} deliveries, {calls} handler calls, {failures.Count} failures");
        TestContext.Out.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}")));
        Assert.That(failures, Is.Empty);
        Assert.That(calls, Is.Zero);
    }

    [Test]
    public async Task The_fuzzer_s_valid_delivery_does_reach_the_handler()
    {
        // Guards the fuzz test above: its deliveries fail because they are malformed, not because signing is off.
        var calls = 0;
        await using var host = await WebhookHost.StartAsync(h => h.On("user.created", (ClerkWebhookEvent _, CancellationToken _) =>
        {
            calls++;
            return Task.CompletedTask;
        }), MaxBodyBytes);

        using var response = await host.Client.SendAsync(host.Delivery(ValidEvent));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(calls, Is.EqualTo(1));
    }

    private static (HttpRequestMessage Message, string Kind) Delivery(HostileJson json, WebhookHost host) => json.Next(10) switch
    {
        < 4 => BrokenHeaders(json, host),
        < 9 => BrokenSignedBody(json, host),
        _ => Oversized(json, host),
    };

    private static (HttpRequestMessage, string) BrokenHeaders(HostileJson json, WebhookHost host)
    {
        var body = json.Chance(50) ? Encoding.UTF8.GetBytes(ValidEvent) : Body(json);
        var request = host.Delivery(body, messageId: "msg_" + json.Alphanumeric(8));
        var defect = json.Next(5);
        switch (defect)
        {
            case 0:
                request.Headers.Remove(json.Pick(["svix-id", "svix-timestamp", "svix-signature"]));
                break;
            case 1:
                request.Headers.Remove("svix-timestamp");
                var now = host.Clock.GetUtcNow().ToUnixTimeSeconds();
                request.Headers.TryAddWithoutValidation("svix-timestamp", json.Pick(
                [
                    "", "0", "-1", "0" + now, " " + now, now + " ", "1e9", "abc", "99999999999999999999", (now - 301).ToString(CultureInfo.InvariantCulture),
                    (now + 301).ToString(CultureInfo.InvariantCulture), now + ".0", "+" + now, "\u0661\u0662",
                ]));
                break;
            case 2:
                request.Headers.Remove("svix-signature");
                request.Headers.TryAddWithoutValidation("svix-signature", json.Pick(
                [
                    "", "v1", "v1,", "v2," + json.Alphanumeric(44), "v1," + json.Alphanumeric(44), "v1,!!!", "v1a,abc",
                    string.Join(' ', Enumerable.Repeat("v1," + json.Alphanumeric(44), 50)), ",", "v1,,", "v1," + new string('A', 4000),
                ]));
                break;
            case 3:
                // A signature made for other bytes: the body is swapped after signing.
                request.Content = new ByteArrayContent(Body(json));
                break;
            default:
                request.Headers.Remove("svix-id");
                request.Headers.TryAddWithoutValidation("svix-id", json.Pick(["", " ", "msg_other", "msg_" + new string('x', 3000)]));
                break;
        }

        return (request, "headers");
    }

    private static (HttpRequestMessage, string) BrokenSignedBody(HostileJson json, WebhookHost host) =>
        (host.Delivery(Body(json), messageId: "msg_" + json.Alphanumeric(8)), "body");

    private static (HttpRequestMessage, string) Oversized(HostileJson json, WebhookHost host)
    {
        var body = new byte[MaxBodyBytes + 1 + json.Next(10_000)];
        Array.Fill(body, (byte)' ');
        var request = host.Delivery(body);
        if (json.Chance(50))
        {
            // Streamed without a Content-Length: the limit must hold while reading.
            var streamed = new StreamContent(new NonSeekable(body));
            streamed.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Content = streamed;
            return (request, "streamed-oversize");
        }

        return (request, "declared-oversize");
    }

    /// <summary>A body that cannot be a Clerk event: a grammar value with at least one defect applied.</summary>
    private static byte[] Body(HostileJson json)
    {
        var output = new ByteWriter();
        switch (json.Next(11))
        {
            case 0:
                // Any grammar value inside an array: never an object at the root.
                output.Append('[');
                json.Value(output, 4, ["type", "data", "object"]);
                output.Append(']');
                break;
            case 1:
                output.Append("{\"type\":\"user.created\",\"data\":{\"id\":").Append(json.Pick(["\"\\udc00\"", "\"\\ud800x\"", "\"\\ude00\\ud83d\""])).Append("}}");
                break;
            case 2:
                output.Append("{\"type\":\"user.created\",\"data\":{\"").Append(json.Pick(["\\ud800", "\\udfff"])).Append("\":1}}");
                break;
            case 3:
                output.Append("{\"type\":\"user.created\",\"data\":{\"name\":\"").AppendBytes(json.Pick<byte[]>([[0xFF], [0xC3], [0xED, 0xA0, 0x80]])).Append("\"}}");
                break;
            case 4:
                output.Append("{\"type\":");
                output.Append(json.Pick(["1", "null", "\"\"", "[]", "{}", "true"]));
                output.Append(",\"data\":{}}");
                break;
            case 5:
                output.Append(json.Pick(["{\"type\":\"user.created\"}", "{\"data\":{}}", "{}"]));
                break;
            case 6:
                output.Append("{\"type\":\"user.created\",\"data\":{},\"timestamp\":").Append(json.Pick(["1.5", "\"1\"", "1e400", "[]", "18446744073709551616"])).Append('}');
                break;
            case 7:
                output.Append("{\"type\":\"user.created\",\"data\":{},\"event_attributes\":").Append(json.Pick(["1", "\"x\"", "[]", "{\"http_request\":1}", "{\"http_request\":{\"client_ip\":1}}"])).Append('}');
                break;
            case 8:
                output.Append(ValidEvent).Append(json.Pick(["x", "{}", "]", "\u0000", ValidEvent]));
                break;
            case 9:
                output.Append("{\"type\":\"user.created\",\"data\":");
                json.Nested(output, json.Next(70, 200));
                output.Append('}');
                break;
            default:
                var full = Encoding.UTF8.GetBytes(ValidEvent);
                return full[..json.Next(0, full.Length - 1)];
        }

        return output.ToArray();
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
