using System.Net;
using System.Net.Http.Headers;

namespace Clerk.Generated.Http;

/// <summary>Decides whether and when a failed attempt is tried again.</summary>
internal sealed class ClerkRetryPolicy(ClerkRetryOptions options, Func<double> nextRandom)
{
    public int MaxAttempts => options.MaxAttempts;

    /// <summary>Whether the request's method allows retries: idempotent methods always, POST and PATCH only when opted in.</summary>
    public bool AllowsRetry(ClerkRequest request) =>
        request.AllowRetry ?? (IsIdempotent(request.Method) || options.RetryNonIdempotentRequests);

    /// <summary>429 and 5xx, except the 5xx statuses that say retrying cannot help.</summary>
    public static bool IsRetryableStatus(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests
        || (status >= HttpStatusCode.InternalServerError && (int)status <= 599
            && status is not (HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported));

    /// <summary>
    /// The wait before the next attempt, or the reason not to make one: attempts used up, a method that must not be
    /// repeated, or a wait (the server's <c>Retry-After</c> or the backoff) that would end past the total time budget.
    /// </summary>
    public (TimeSpan Delay, string? WhyNot) NextDelay(ClerkRequest request, int attempt, TimeSpan? retryAfter, TimeSpan elapsed)
    {
        if (!AllowsRetry(request))
        {
            return (TimeSpan.Zero, $"{request.Method} is not retried unless opted in");
        }

        if (attempt >= options.MaxAttempts)
        {
            return (TimeSpan.Zero, $"all {options.MaxAttempts} attempts used");
        }

        var delay = retryAfter ?? Backoff(attempt);
        if (elapsed + delay > options.MaxElapsedTime)
        {
            return (delay, $"waiting {delay.TotalSeconds:0.###} s would pass the {options.MaxElapsedTime.TotalSeconds:0.###} s budget");
        }

        return (delay, null);
    }

    /// <summary>Exponential backoff with "equal jitter": half the step fixed, half random, so clients spread out but always back off.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var exponent = Math.Min(attempt - 1, 30);
        var step = Math.Min(options.BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((step / 2) + (nextRandom() * step / 2));
    }

    /// <summary>Reads <c>Retry-After</c> in either form (delta seconds or HTTP date); a date in the past means "now".</summary>
    public static TimeSpan? ParseRetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete
        || method == HttpMethod.Head || method == HttpMethod.Options;
}
