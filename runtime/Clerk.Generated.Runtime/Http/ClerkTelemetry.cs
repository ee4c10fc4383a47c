using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Clerk.Generated.Http;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> named <c>Clerk.Generated</c>. Tags carry the operation
/// id, path template, method, status and retry count: never the path itself (it holds user ids), the query or any
/// header, so no secret or personal data leaves through telemetry.
/// </summary>
public static class ClerkTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "Clerk.Generated";

    /// <summary>The tag holding the spec's operationId.</summary>
    public const string OperationIdTag = "clerk.operation_id";

    /// <summary>The tag holding how many retries a call needed.</summary>
    public const string RetryCountTag = "clerk.retry_count";

    /// <summary>The histogram of call durations in seconds, retries and waits included.</summary>
    public const string DurationInstrument = "clerk.client.operation.duration";

    /// <summary>The counter of retries.</summary>
    public const string RetriesInstrument = "clerk.client.operation.retries";

    private static readonly string? Version = typeof(ClerkTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource ActivitySource = new(Name, Version);

    internal static readonly Meter Meter = new(Name, Version);

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        DurationInstrument, unit: "s", description: "Duration of Clerk API operations, retries included.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        RetriesInstrument, unit: "{retry}", description: "Retries of Clerk API operations.");
}
