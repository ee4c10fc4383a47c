using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Clerk.Generated.Http;
using Clerk.Generated.Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Runtime.Tests.Http;

[NonParallelizable] // listens to process-wide telemetry
public sealed class TelemetryTests
{
    [Test]
    public async Task A_call_emits_one_activity_and_one_duration_with_operation_status_and_retries()
    {
        var operationId = "GetUser_" + Guid.NewGuid().ToString("N");
        var activities = new List<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ClerkTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (Equals(a.GetTagItem(ClerkTelemetry.OperationIdTag), operationId)) { lock (activities) { activities.Add(a); } } },
        };
        ActivitySource.AddActivityListener(activityListener);

        var durations = new List<(double Value, Dictionary<string, object?> Tags)>();
        var retries = 0L;
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ClerkTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var map = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
            if (instrument.Name == ClerkTelemetry.DurationInstrument && Equals(map[ClerkTelemetry.OperationIdTag], operationId))
            {
                lock (durations) { durations.Add((value, map)); }
            }
        });
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var map = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
            if (instrument.Name == ClerkTelemetry.RetriesInstrument && Equals(map[ClerkTelemetry.OperationIdTag], operationId))
            {
                Interlocked.Add(ref retries, value);
            }
        });
        meterListener.Start();

        var time = new FakeTimeProvider();
        var api = new ScriptedApi().Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.OK, """{"id":"user_secret_id","first_name":"Ada"}""");
        var transport = Transports.Create(api.Handler, time);
        var request = new ClerkRequest(HttpMethod.Get, operationId, "/users/{user_id}", "/users/user_secret_id");
        request.Query.Add("email", "ada@example.com");

        await Transports.RunAsync(transport.SendAsync(request, TestJsonContext.Default.TestUser, CancellationToken.None), time, TimeSpan.FromMilliseconds(250));

        var activity = activities.Single();
        var (seconds, tags) = durations.Single();
        Assert.Multiple(() =>
        {
            Assert.That(activity.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(activity.GetTagItem("http.response.status_code"), Is.EqualTo(200));
            Assert.That(activity.GetTagItem(ClerkTelemetry.RetryCountTag), Is.EqualTo(1));
            Assert.That(activity.GetTagItem("url.template"), Is.EqualTo("/users/{user_id}"));
            Assert.That(activity.Status, Is.Not.EqualTo(ActivityStatusCode.Error));
            Assert.That(activity.Events.Count(e => e.Name == "retry"), Is.EqualTo(1));
            var everything = string.Join("|", activity.TagObjects.Select(t => $"{t.Key}={t.Value}")) + activity.DisplayName;
            Assert.That(everything, Does.Not.Contain("user_secret_id").And.Not.Contain("ada@example.com").And.Not.Contain(Transports.SecretKey));

            Assert.That(seconds, Is.GreaterThan(0), "the fake clock moved during the backoff");
            Assert.That(tags["http.response.status_code"], Is.EqualTo(200));
            Assert.That(tags[ClerkTelemetry.RetryCountTag], Is.EqualTo(1));
            Assert.That(Interlocked.Read(ref retries), Is.EqualTo(1));
        });
    }
}
