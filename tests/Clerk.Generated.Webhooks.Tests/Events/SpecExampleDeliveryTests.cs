using System.Net;
using System.Text.Json.Nodes;
using Clerk.Generated.Webhooks.Tests.Endpoint;

namespace Clerk.Generated.Webhooks.Tests.Events;

/// <summary>
/// Every example event in the webhooks spec, signed and delivered to the endpoint, reaches the handler of its type
/// with its payload intact. (Typed models of the examples come with the generator; this proves the envelope and the
/// dispatch on them.)
/// </summary>
public sealed class SpecExampleDeliveryTests
{
    private const int EventTypesInSpec = 45;

    [Test]
    public void The_spec_has_an_example_for_every_event_type()
    {
        var types = WebhooksSpecExamples.Examples.Select(e => e.EventType).Distinct().ToArray();

        Assert.That(types, Has.Length.EqualTo(EventTypesInSpec));
        Assert.That(types, Does.Contain("user.created").And.Contain("organizationMembership.updated").And.Contain("session.ended"));
    }

    [Test]
    public async Task Every_example_is_delivered_to_the_handler_of_its_type_with_equal_json()
    {
        var received = new List<(string Registered, ClerkWebhookEvent Event)>();
        await using var host = await WebhookHost.StartAsync(handlers =>
        {
            foreach (var type in WebhooksSpecExamples.Examples.Select(e => e.EventType).Distinct())
            {
                handlers.On(type, (ClerkWebhookEvent e, CancellationToken _) =>
                {
                    lock (received)
                    {
                        received.Add((type, e));
                    }

                    return Task.CompletedTask;
                });
            }
        });

        var failures = new List<string>();
        var index = 0;
        foreach (var (type, example) in WebhooksSpecExamples.Examples)
        {
            using var response = await host.Client.SendAsync(host.Delivery(example.ToJsonString(), $"msg_example_{index++}"));
            if (response.StatusCode != HttpStatusCode.NoContent)
            {
                failures.Add($"{type}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.That(failures, Is.Empty);
        Assert.That(received, Has.Count.EqualTo(WebhooksSpecExamples.Examples.Count));
        for (var i = 0; i < received.Count; i++)
        {
            var (type, example) = WebhooksSpecExamples.Examples[i];
            var (registered, e) = received[i];
            Assert.That(registered, Is.EqualTo(type));
            Assert.That(e.Type, Is.EqualTo(type));
            Assert.That(e.Envelope.ObjectType, Is.EqualTo("event"), type);
            Assert.That(e.Data.ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Object), type);
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(e.Json.GetRawText()), example), Is.True, type);
            Assert.That(e.Delivery!.MessageId, Is.EqualTo($"msg_example_{i}"));
        }
    }
}
