using System.Buffers;
using System.Text;

namespace Clerk.Generated.Webhooks.Tests.Events;

public sealed class ClerkWebhookEnvelopeTests
{
    [Test]
    public void Reads_every_shared_member_and_keeps_the_payload()
    {
        const string json = """
            {"type":"session.ended","object":"event","data":{"id":"sess_1"},"timestamp":1716883200,"instance_id":"ins_123",
             "event_attributes":{"http_request":{"client_ip":"0.0.0.0","user_agent":"UA"},"extra":1},"later_field":[1]}
            """;
        var delivery = new ClerkWebhookDelivery("msg_1", DateTimeOffset.UnixEpoch);

        var envelope = ClerkWebhookEnvelope.Parse(Encoding.UTF8.GetBytes(json), delivery);

        Assert.That(envelope.Type, Is.EqualTo("session.ended"));
        Assert.That(envelope.ObjectType, Is.EqualTo("event"));
        Assert.That(envelope.Data.GetProperty("id").GetString(), Is.EqualTo("sess_1"));
        Assert.That(envelope.Timestamp, Is.EqualTo(1716883200));
        Assert.That(envelope.InstanceId, Is.EqualTo("ins_123"));
        Assert.That(envelope.EventAttributes!.HttpRequest, Is.EqualTo(new ClerkWebhookHttpRequest("0.0.0.0", "UA")));
        Assert.That(envelope.EventAttributes.Json.GetProperty("extra").GetInt32(), Is.EqualTo(1));
        Assert.That(envelope.Json.GetRawText(), Is.EqualTo(json));
        Assert.That(envelope.Delivery, Is.SameAs(delivery));
        Assert.That(envelope.ToString(), Is.EqualTo("session.ended (message msg_1)"));
    }

    [Test]
    public void Treats_null_optional_members_as_absent()
    {
        var envelope = ClerkWebhookEnvelope.Parse("""{"type":"x.y","data":null,"object":null,"timestamp":null,"instance_id":null,"event_attributes":null}"""u8);

        Assert.That(envelope.Data.ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(envelope.ObjectType, Is.Null);
        Assert.That(envelope.Timestamp, Is.Null);
        Assert.That(envelope.InstanceId, Is.Null);
        Assert.That(envelope.EventAttributes, Is.Null);
    }

    [Test]
    public void Reads_a_segmented_body_like_a_contiguous_one()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"type":"user.deleted","data":{"id":"user_1","deleted":true}}""");
        var first = new Segment(bytes.AsMemory(0, 10), 0);
        var last = first.Append(bytes.AsMemory(10));

        var envelope = ClerkWebhookEnvelope.Parse(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));

        Assert.That(envelope.Type, Is.EqualTo("user.deleted"));
        Assert.That(envelope.Data.GetProperty("deleted").GetBoolean(), Is.True);
    }

    [Test]
    public void Stays_valid_after_the_source_buffer_is_overwritten()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"type":"user.deleted","data":{"id":"user_1"}}""");
        var envelope = ClerkWebhookEnvelope.Parse(bytes);

        Array.Fill(bytes, (byte)' ');

        Assert.That(envelope.Data.GetProperty("id").GetString(), Is.EqualTo("user_1"));
    }

    [TestCase("", "not valid JSON")]
    [TestCase("{", "not valid JSON")]
    [TestCase("""{"type":"a","data":{}}{}""", "not valid JSON")]
    [TestCase("\"text\"", "a JSON string, not an object")]
    [TestCase("null", "a JSON null, not an object")]
    [TestCase("""{"data":{}}""", "no 'type'")]
    [TestCase("""{"type":"","data":{}}""", "no 'type'")]
    [TestCase("""{"type":7,"data":{}}""", "'type' is a JSON number, not a string")]
    [TestCase("""{"type":"user.created"}""", "The 'user.created' payload has no 'data' member")]
    [TestCase("""{"type":"user.created","data":{},"timestamp":"yesterday"}""", "'timestamp' is not a 64-bit integer")]
    [TestCase("""{"type":"user.created","data":{},"timestamp":1.5}""", "'timestamp' is not a 64-bit integer")]
    [TestCase("""{"type":"user.created","data":{},"instance_id":{}}""", "'instance_id' is a JSON object, not a string")]
    [TestCase("""{"type":"user.created","data":{},"event_attributes":[]}""", "'event_attributes' is not an object")]
    [TestCase("""{"type":"user.created","data":{},"event_attributes":{"http_request":"x"}}""", "'event_attributes.http_request' is not an object")]
    [TestCase("""{"type":"user.created","data":{},"event_attributes":{"http_request":{"client_ip":1}}}""", "'client_ip' is a JSON number")]
    public void Rejects_a_body_that_is_not_an_event_with_a_precise_reason(string json, string reason)
    {
        var error = Assert.Throws<ClerkWebhookPayloadException>(() => ClerkWebhookEnvelope.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.That(error!.Message, Does.Contain(reason));
    }

    [Test]
    public void Rejects_nesting_deeper_than_64_levels()
    {
        var deep = """{"type":"a","data":""" + new string('[', 70) + new string(']', 70) + "}";

        Assert.Throws<ClerkWebhookPayloadException>(() => ClerkWebhookEnvelope.Parse(Encoding.UTF8.GetBytes(deep)));
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
