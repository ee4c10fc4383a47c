using System.Net;
using System.Net.Http.Headers;
using System.Threading.RateLimiting;
using Clerk.Generated.Http;

namespace Clerk.Generated.Fleet;

/// <summary>
/// Sits in the Backend API client's handler pipeline (so the transport goes through it on every attempt, retries
/// included): takes a permit from <see cref="RateLimiter"/> before each call, and answers a local 429 with
/// Retry-After, without calling Clerk, when none is granted. A 429 from Clerk is posted to the
/// <see cref="IClerkRetryAfterBoard"/>, so the fleet holds its calls as long as Clerk asked. With a Redis-backed
/// limiter (<c>Clerk.Generated.Redis</c>) the limit is the fleet's; with a local one, the instance's.
/// </summary>
public sealed class ClerkBackendApiRateLimitHandler : DelegatingHandler
{
    private readonly RateLimiter _limiter;
    private readonly IClerkRetryAfterBoard? _board;
    private readonly TimeProvider _time;
    private long _refused;

    /// <summary>Creates the handler.</summary>
    /// <param name="limiter">Grants calls (not disposed by the handler).</param>
    /// <param name="board">Shares Clerk's Retry-After; null keeps it to the transport's own retry.</param>
    /// <param name="timeProvider">The clock Retry-After dates are read against.</param>
    public ClerkBackendApiRateLimitHandler(RateLimiter limiter, IClerkRetryAfterBoard? board = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        _limiter = limiter;
        _board = board;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How many calls were answered locally with 429 because no permit was granted.</summary>
    public long RefusedCalls => Interlocked.Read(ref _refused);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            Interlocked.Increment(ref _refused);
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
            return RefusedLocally(request, wait);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests && _board is not null && RetryAfter(response) is { } hold)
        {
            await _board.PostAsync(hold, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>Clerk's Retry-After, capped at an hour so a bogus header cannot stop the fleet for longer.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        ClerkRetryPolicy.ParseRetryAfter(response.Headers, _time.GetUtcNow()) is { } wait && wait > TimeSpan.Zero
            ? (wait > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : wait)
            : null;

    /// <summary>The answer Clerk would give, made here: the transport retries it (after Retry-After) or reports it as rate limited.</summary>
    private static HttpResponseMessage RefusedLocally(HttpRequestMessage request, TimeSpan wait)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            RequestMessage = request,
            ReasonPhrase = "Rate limited locally",
            Content = new StringContent(
                """{"errors":[{"code":"rate_limit_exceeded","message":"Rate limited locally","long_message":"The shared Backend API rate limit allows no call now."}]}""",
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds))));
        return response;
    }
}
