using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clerk.Generated.WebhookEvents;

namespace Clerk.Generated.Webhooks.Tests.Events;

/// <summary>
/// The typed events generated from the webhooks spec: every example of every event type resolves to the event class
/// of its type, its <c>data</c> reads into the generated model, and that model writes back the same JSON.
/// </summary>
public sealed class TypedEventRoundTripTests
{
    /// <summary>
    /// Examples that break their own schema: a property the schema marks required and not nullable is missing (or
    /// null) in the example. A model of that schema has no "absent" for it, so it writes the type's default back.
    /// Listed exactly, so a fixed example or a new difference fails the test.
    /// </summary>
    private static readonly string[] SpecExampleDefects =
    [
        "paymentAttempt.created: $.subscription_items[0].created_at: expected null, got 0",
        "paymentAttempt.updated: $.subscription_items[0].created_at: expected null, got 0",
        "role.updated: $.is_creator_eligible: expected null, got false",
        "sms.created: $.created_at_ms: expected null, got 0",
    ];

    [Test]
    public void The_generated_catalogue_names_every_event_type_of_the_spec()
    {
        var specTypes = WebhooksSpecExamples.Examples.Select(e => e.EventType).Distinct().Order(StringComparer.Ordinal);

        Assert.That(ClerkWebhookEvents.All.Order(StringComparer.Ordinal), Is.EqualTo(specTypes));
        Assert.That(ClerkWebhookEvents.UserCreated, Is.EqualTo("user.created"));
    }

    [Test]
    public void Every_example_resolves_to_its_typed_event_and_its_data_round_trips()
    {
        var failures = new List<string>();
        foreach (var (type, example) in WebhooksSpecExamples.Examples)
        {
            var envelope = ClerkWebhookEnvelope.Parse(Encoding.UTF8.GetBytes(example.ToJsonString()));
            ClerkWebhookEvent? typed;
            try
            {
                typed = ClerkWebhookEvents.Resolve(envelope);
            }
            catch (JsonException exception)
            {
                failures.Add($"{type}: data does not read: {exception.Message}");
                continue;
            }

            if (typed is null || typed.Type != type || typed.GetType().Name != Pascal(type) + "Event")
            {
                failures.Add($"{type}: resolved to {typed?.GetType().Name ?? "nothing"}");
                continue;
            }

            var written = JsonNode.Parse(WriteData(typed));
            var original = example["data"];
            if (!JsonEquivalence.AreEquivalent(original, written, out var difference))
            {
                failures.Add($"{type}: {difference}");
            }
        }

        TestContext.Out.WriteLine($"{WebhooksSpecExamples.Examples.Count} examples, {failures.Count} differences, all in examples that break their schema");
        Assert.That(failures, Is.EquivalentTo(SpecExampleDefects));
    }

    [Test]
    public void An_event_type_not_in_the_spec_stays_raw()
    {
        var envelope = ClerkWebhookEnvelope.Parse("""{"type":"future.event","object":"event","data":{"id":"x_1"}}"""u8);

        Assert.That(ClerkWebhookEvents.Resolve(envelope), Is.Null);
    }

    [Test]
    public void Data_that_does_not_match_its_type_is_a_json_error_not_a_crash()
    {
        var envelope = ClerkWebhookEnvelope.Parse("""{"type":"user.created","object":"event","data":{"id":42}}"""u8);

        Assert.Throws<JsonException>(() => ClerkWebhookEvents.Resolve(envelope));
    }

    [Test]
    public async Task Typed_registration_receives_the_generated_event()
    {
        UserCreatedEvent? received = null;
        var handlers = new ClerkWebhookHandlers()
            .UseTypedEvents()
            .OnUserCreated((e, _) =>
            {
                received = e;
                return Task.CompletedTask;
            });
        var (_, example) = WebhooksSpecExamples.Examples.First(e => e.EventType == "user.created");
        var envelope = ClerkWebhookEnvelope.Parse(Encoding.UTF8.GetBytes(example.ToJsonString()));

        await handlers.Build().DispatchAsync(envelope, new NoServices(), CancellationToken.None);

        Assert.That(received, Is.Not.Null);
        Assert.That(received!.Data.Id, Is.EqualTo(example["data"]!["id"]!.GetValue<string>()));
    }

    /// <summary>Writes the typed data through the generated converter, found by its runtime type.</summary>
    private static string WriteData(ClerkWebhookEvent typed)
    {
        var data = typed.GetType().BaseType!.GetProperty("Data", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)!.GetValue(typed)!;
        var typeInfo = ClerkWebhookJsonContext.Default.GetTypeInfo(data.GetType())!;
        return JsonSerializer.Serialize(data, typeInfo);
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private static string Pascal(string eventType) => string.Concat(
        eventType.Split('.', '_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
