namespace Clerk.Generated.Redis;

/// <summary>The Backend API rate limit the fleet keeps to for one secret key.</summary>
public sealed class ClerkRedisRateLimitOptions
{
    /// <summary>
    /// Calls allowed in any <see cref="Window"/> across the fleet. Default 100 per second: Clerk's production limit is
    /// 1,000 requests per 10 seconds per secret key; set this a little below what your plan allows.
    /// </summary>
    public int PermitLimit { get; set; } = 100;

    /// <summary>The sliding window the limit applies to. Default 1 second.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a call waits for a permit before it is answered 429 locally. Default 5 seconds.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(5);
}
