using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Clerk.Generated.Webhooks.Tests.Endpoint;

/// <summary>The endpoint's use of <see cref="IClerkWebhookDeliveryStore"/>: once per delivery id, only after verification.</summary>
public sealed class DeliveryIdempotencyTests
{
    private const string Body = """{"type":"user.created","object":"event","timestamp":1,"data":{"id":"user_1","object":"user"}}""";

    [Test]
    public async Task A_replayed_delivery_answers_204_without_running_the_handlers_again()
    {
        var runs = 0;
        await using var host = await WebhookHost.StartAsync(h => h.OnAny((_, _) => { Interlocked.Increment(ref runs); return Task.CompletedTask; }));

        using var first = await host.Client.SendAsync(host.Delivery(Body, "msg_replayed"));
        using var replay = await host.Client.SendAsync(host.Delivery(Body, "msg_replayed"));
        using var other = await host.Client.SendAsync(host.Delivery(Body, "msg_other"));

        Assert.Multiple(() =>
        {
            Assert.That(new[] { first.StatusCode, replay.StatusCode, other.StatusCode }, Is.All.EqualTo(HttpStatusCode.NoContent));
            Assert.That(runs, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_failed_delivery_is_released_so_the_retry_runs_the_handlers()
    {
        var runs = 0;
        await using var host = await WebhookHost.StartAsync(h => h.OnAny((_, _) =>
            Interlocked.Increment(ref runs) == 1 ? throw new InvalidOperationException("first run fails") : Task.CompletedTask));

        using var failed = await host.Client.SendAsync(host.Delivery(Body, "msg_retried"));
        using var retried = await host.Client.SendAsync(host.Delivery(Body, "msg_retried"));
        using var again = await host.Client.SendAsync(host.Delivery(Body, "msg_retried"));

        Assert.Multiple(() =>
        {
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(runs, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_delivery_in_flight_elsewhere_answers_409_with_Retry_After()
    {
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        await using var host = await WebhookHost.StartAsync(h => h.OnAny(async (_, _) => { started.TrySetResult(); await release.Task; }));

        var slow = host.Client.SendAsync(host.Delivery(Body, "msg_busy"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var concurrent = await host.Client.SendAsync(host.Delivery(Body, "msg_busy"));
        release.SetResult();
        using var done = await slow;

        Assert.Multiple(() =>
        {
            Assert.That(concurrent.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(concurrent.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        });
    }

    [Test]
    public async Task Unverified_deliveries_never_reach_the_store()
    {
        var store = new RecordingStore();
        await using var host = await WebhookHost.StartAsync(h => h.OnAny((_, _) => Task.CompletedTask), services: s => s.AddSingleton<IClerkWebhookDeliveryStore>(store));

        using var tampered = host.Delivery(Body, "msg_forged");
        tampered.Content = new StringContent(Body.Replace("user_1", "user_2", StringComparison.Ordinal));
        using var forged = await host.Client.SendAsync(tampered);
        using var unsigned = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, WebhookHost.Path) { Content = new StringContent(Body) });
        using var genuine = await host.Client.SendAsync(host.Delivery(Body, "msg_genuine"));

        Assert.Multiple(() =>
        {
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(unsigned.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(genuine.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(store.Calls, Is.EqualTo(new[] { "claim msg_genuine", "complete msg_genuine" }));
        });
    }

    [Test]
    public async Task The_in_memory_store_forgets_processed_ids_after_the_retention_and_expired_claims_after_the_lease()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var store = new InMemoryClerkWebhookDeliveryStore(
            new ClerkWebhookOptions { DeliveryRetention = TimeSpan.FromHours(1), DeliveryClaimLease = TimeSpan.FromMinutes(1) }, clock);

        var claim = await store.TryClaimAsync("msg_a");
        var whileHeld = await store.TryClaimAsync("msg_a");
        clock.Advance(TimeSpan.FromMinutes(2));
        var afterLease = await store.TryClaimAsync("msg_a");
        await store.ReleaseAsync(claim); // the first holder's late release must not free the second's claim
        var stillHeld = await store.TryClaimAsync("msg_a");
        await store.CompleteAsync(afterLease);
        var processed = await store.TryClaimAsync("msg_a");
        clock.Advance(TimeSpan.FromHours(2));
        var forgotten = await store.TryClaimAsync("msg_a");

        Assert.Multiple(() =>
        {
            Assert.That(claim.Status, Is.EqualTo(ClerkWebhookDeliveryStatus.Claimed));
            Assert.That(whileHeld.Status, Is.EqualTo(ClerkWebhookDeliveryStatus.InFlight));
            Assert.That(afterLease.Status, Is.EqualTo(ClerkWebhookDeliveryStatus.Claimed));
            Assert.That(stillHeld.Status, Is.EqualTo(ClerkWebhookDeliveryStatus.InFlight));
            Assert.That(processed.Status, Is.EqualTo(ClerkWebhookDeliveryStatus.AlreadyProcessed));
            Assert.That(forgotten.Status, Is.EqualTo(ClerkWebhookDeliveryStatus.Claimed));
        });
    }

    private sealed class RecordingStore : IClerkWebhookDeliveryStore
    {
        private readonly ConcurrentQueue<string> _calls = new();
        private readonly InMemoryClerkWebhookDeliveryStore _inner = new();

        public string[] Calls => [.. _calls];

        public ValueTask<ClerkWebhookDeliveryClaim> TryClaimAsync(string deliveryId, CancellationToken cancellationToken = default)
        {
            _calls.Enqueue("claim " + deliveryId);
            return _inner.TryClaimAsync(deliveryId, cancellationToken);
        }

        public ValueTask CompleteAsync(ClerkWebhookDeliveryClaim claim, CancellationToken cancellationToken = default)
        {
            _calls.Enqueue("complete " + claim.DeliveryId);
            return _inner.CompleteAsync(claim, cancellationToken);
        }

        public ValueTask ReleaseAsync(ClerkWebhookDeliveryClaim claim, CancellationToken cancellationToken = default)
        {
            _calls.Enqueue("release " + claim.DeliveryId);
            return _inner.ReleaseAsync(claim, cancellationToken);
        }
    }
}
