namespace Clerk.Generated.Http;

/// <summary>
/// When and how the transport retries: on 429, 5xx, connection failures and attempt timeouts, with exponential
/// backoff and jitter, honouring <c>Retry-After</c>, bounded by attempts and by total time.
/// </summary>
public sealed class ClerkRetryOptions
{
    /// <summary>The most attempts per call, the first included; 1 disables retries. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The backoff before the first retry, doubled for each further one (before jitter). Default 500 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest computed backoff between attempts. Default 10 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The total time a call may spend, attempts and waits included, before the transport stops retrying; a
    /// <c>Retry-After</c> that would end past it is not waited for. Default 60 s.
    /// </summary>
    public TimeSpan MaxElapsedTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether POST and PATCH calls are retried too. Off by default: such calls may have taken effect before the
    /// failure was seen, so retrying could act twice. A single request can opt in with <see cref="ClerkRequest.AllowRetry"/>.
    /// </summary>
    public bool RetryNonIdempotentRequests { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"MaxAttempts={MaxAttempts}, BaseDelay={BaseDelay}, MaxDelay={MaxDelay}, MaxElapsedTime={MaxElapsedTime}, RetryNonIdempotentRequests={RetryNonIdempotentRequests}";
}
