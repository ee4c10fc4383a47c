using Clerk.Generated.Http;
using Clerk.Generated.Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Runtime.Tests.Http;

public sealed class CancellationTests
{
    private readonly FakeTimeProvider _time = new();

    private ClerkHttpTransport Create(HttpMessageHandler handler, Action<ClerkClientOptions>? configure = null) =>
        new(new HttpClient(handler), Transports.Options(_time, configure), Transports.SpecVersion);

    [Test]
    public async Task Caller_cancellation_surfaces_as_OperationCanceledException_with_the_callers_token()
    {
        var handler = new HangingHandler();
        var transport = Create(handler);
        using var caller = new CancellationTokenSource();

        var call = transport.SendAsync(Transports.Get(), TestJsonContext.Default.TestUser, caller.Token);
        await Transports.WaitUntil(() => handler.Requests == 1, "the request is in flight");
        await caller.CancelAsync();

        var error = Assert.CatchAsync<OperationCanceledException>(() => call);
        Assert.That(error!.CancellationToken, Is.EqualTo(caller.Token));
        Assert.That(handler.Requests, Is.EqualTo(1), "a cancelled call is not retried");
    }

    [Test]
    public void An_already_cancelled_token_sends_nothing()
    {
        var handler = new HangingHandler();
        var transport = Create(handler);

        Assert.CatchAsync<OperationCanceledException>(() => transport.SendAsync(Transports.Get(), new CancellationToken(canceled: true)));
        Assert.That(handler.Requests, Is.Zero);
    }

    [Test]
    public async Task An_attempt_timeout_is_a_ClerkTimeoutException_not_a_cancellation()
    {
        var handler = new HangingHandler();
        var transport = Create(handler, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(5);
            o.Retry.MaxAttempts = 1;
        });

        var call = transport.SendAsync(Transports.Get(), TestJsonContext.Default.TestUser, CancellationToken.None);
        await Transports.WaitUntil(() => handler.Requests == 1, "the request is in flight");
        _time.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(50);
        Assert.That(call.IsCompleted, Is.False, "still within the timeout");
        _time.Advance(TimeSpan.FromSeconds(0.2));

        var error = Assert.ThrowsAsync<ClerkTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<TimeoutException>());
            Assert.That(error!.OperationId, Is.EqualTo("GetUser"));
            Assert.That(error.Timeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(error.Attempts, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Timed_out_GET_attempts_are_retried_before_timing_out()
    {
        var handler = new HangingHandler();
        var transport = Create(handler, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(2);
            o.Retry.MaxAttempts = 2;
        });

        var call = transport.SendAsync(Transports.Get(), CancellationToken.None);
        await Transports.AdvanceUntilDone(call, _time, TimeSpan.FromMilliseconds(500));

        var error = Assert.ThrowsAsync<ClerkTimeoutException>(() => call);
        Assert.That(error!.Attempts, Is.EqualTo(2));
        Assert.That(handler.Requests, Is.EqualTo(2));
    }

    [Test]
    public async Task Cancelling_during_a_backoff_wait_stops_without_another_attempt()
    {
        var api = new ScriptedApi().Then(System.Net.HttpStatusCode.ServiceUnavailable).Then(System.Net.HttpStatusCode.OK, "{}");
        var logs = new RecordingLoggerFactory();
        var transport = Transports.Create(api.Handler, _time, o => o.LoggerFactory = logs);
        using var caller = new CancellationTokenSource();

        var call = transport.SendAsync(Transports.Get(), caller.Token);
        await Transports.WaitUntil(() => logs.Entries.Any(e => e.Message.Contains("retrying", StringComparison.Ordinal)), "a retry is scheduled");
        await caller.CancelAsync();

        var error = Assert.CatchAsync<OperationCanceledException>(() => call);
        Assert.That(error!.CancellationToken, Is.EqualTo(caller.Token));
        Assert.That(api.Requests, Has.Count.EqualTo(1));
    }
}
