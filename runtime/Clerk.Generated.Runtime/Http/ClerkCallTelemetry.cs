using System.Diagnostics;

namespace Clerk.Generated.Http;

/// <summary>
/// The telemetry of one API call, retries included: starts the client activity, counts retries, and on disposal
/// tags the activity with the outcome and records the call's duration. The transport sets <see cref="StatusCode"/>
/// and <see cref="ErrorType"/> as attempts go; what they hold at disposal is what the call reports.
/// </summary>
internal sealed class ClerkCallTelemetry : IDisposable
{
    private readonly ClerkRequest _request;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Activity? _activity;

    public ClerkCallTelemetry(ClerkRequest request, string serverAddress, TimeProvider time)
    {
        _request = request;
        _time = time;
        _started = time.GetTimestamp();
        _activity = ClerkTelemetry.ActivitySource.StartActivity($"Clerk {request.OperationId}", ActivityKind.Client);
        _activity?.SetTag(ClerkTelemetry.OperationIdTag, request.OperationId);
        _activity?.SetTag("http.request.method", request.Method.Method);
        _activity?.SetTag("url.template", request.PathTemplate);
        _activity?.SetTag("server.address", serverAddress);
    }

    /// <summary>How many attempts have started.</summary>
    public int Attempts { get; private set; }

    /// <summary>The status of the last response received, by any attempt.</summary>
    public int? StatusCode { get; set; }

    /// <summary>What went wrong last (a status code, <c>timeout</c>, <c>canceled</c>, a connection error), or <see langword="null"/> after a success.</summary>
    public string? ErrorType { get; set; }

    /// <summary>The time since the call started.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>Counts a new attempt and returns its number (1 for the first).</summary>
    public int StartAttempt() => ++Attempts;

    /// <summary>Records that the attempt that just failed for <paramref name="reason"/> will be retried.</summary>
    public void Retrying(string reason)
    {
        ClerkTelemetry.Retries.Add(
            1,
            new KeyValuePair<string, object?>(ClerkTelemetry.OperationIdTag, _request.OperationId),
            new KeyValuePair<string, object?>("error.type", ErrorType));
        _activity?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection { ["clerk.attempt"] = Attempts, ["clerk.reason"] = reason }));
    }

    public void Dispose()
    {
        var retries = Attempts - 1;
        _activity?.SetTag("http.response.status_code", StatusCode);
        _activity?.SetTag(ClerkTelemetry.RetryCountTag, retries);
        if (ErrorType is not null)
        {
            _activity?.SetTag("error.type", ErrorType);
            _activity?.SetStatus(ActivityStatusCode.Error);
        }

        ClerkTelemetry.Duration.Record(
            Elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(ClerkTelemetry.OperationIdTag, _request.OperationId),
            new KeyValuePair<string, object?>("http.request.method", _request.Method.Method),
            new KeyValuePair<string, object?>("http.response.status_code", StatusCode),
            new KeyValuePair<string, object?>(ClerkTelemetry.RetryCountTag, retries),
            new KeyValuePair<string, object?>("error.type", ErrorType));
        _activity?.Dispose();
    }
}
