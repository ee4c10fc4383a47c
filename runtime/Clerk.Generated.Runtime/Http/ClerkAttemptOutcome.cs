namespace Clerk.Generated.Http;

/// <summary>
/// How one attempt ended: with the call's result, or with something a retry may fix: an error response (its body
/// buffered) or a timeout or connection failure, and why, for the logs.
/// </summary>
internal readonly struct ClerkAttemptOutcome<TResult>
{
    private ClerkAttemptOutcome(bool completed, TResult result, HttpResponseMessage? errorResponse, TimeSpan? retryAfter, Exception? failure, string reason)
    {
        IsCompleted = completed;
        Result = result;
        ErrorResponse = errorResponse;
        RetryAfter = retryAfter;
        Failure = failure;
        Reason = reason;
    }

    public bool IsCompleted { get; }

    public TResult Result { get; }

    /// <summary>A retryable error response; whoever handles the outcome disposes it.</summary>
    public HttpResponseMessage? ErrorResponse { get; }

    /// <summary>The error response's <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The timeout (<see cref="OperationCanceledException"/>) or <see cref="HttpRequestException"/>.</summary>
    public Exception? Failure { get; }

    public string Reason { get; }

    public static ClerkAttemptOutcome<TResult> Completed(TResult result) => new(true, result, null, null, null, "");

    public static ClerkAttemptOutcome<TResult> ErrorStatus(HttpResponseMessage response, TimeSpan? retryAfter) =>
        new(false, default!, response, retryAfter, null, $"status {(int)response.StatusCode}");

    public static ClerkAttemptOutcome<TResult> Failed(Exception failure, string reason) => new(false, default!, null, null, failure, reason);
}
