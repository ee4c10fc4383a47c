using System.Threading.RateLimiting;
using Clerk.Generated.Fleet;

namespace Clerk.Generated.Tokens;

/// <summary>
/// How <see cref="ClerkMachineTokenVerifier"/> spends Backend API calls. Every verification is a call made with the
/// secret key and counted against the instance's Backend API rate limit, so calls are limited locally and verdicts
/// are remembered for a short while.
/// </summary>
public sealed class ClerkMachineTokenVerifierOptions
{
    /// <summary>
    /// Limits verification calls to Clerk. Null uses a token bucket of <see cref="DefaultCallBurst"/> calls refilled
    /// by <see cref="DefaultCallsPerSecond"/> per second. When it refuses, the token is not sent and the verdict is
    /// <see cref="TokenRejectionReason.MachineTokenVerificationUnavailable"/> with a retry delay (503 in ASP.NET Core),
    /// so a flood of fake tokens cannot use up the Backend API limit the application's own calls need. A limiter
    /// passed here is not disposed by the verifier; share one (or a Redis-backed one) across instances as needed.
    /// </summary>
    public RateLimiter? RateLimiter { get; set; }

    /// <summary>How long a token Clerk refused is refused again without asking. Default 1 minute; zero turns it off.</summary>
    public TimeSpan InvalidVerdictCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a token Clerk accepted is accepted again without asking (never past its expiry). Default 10 seconds:
    /// a revoked token may keep working that long. Zero turns it off, so every request costs a call (as in Clerk's SDKs).
    /// </summary>
    public TimeSpan ValidVerdictCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Shares verdicts with the other instances of a fleet (through an
    /// <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> such as Redis), so a token costs one Backend API call for the fleet rather than one per instance.
    /// Shared verdicts live <see cref="ValidVerdictCacheDuration"/>; keys are a hash of the token, never the token.
    /// Null (the default) keeps verdicts in this instance only.
    /// </summary>
    public ClerkSharedCache? SharedCache { get; set; }

    /// <summary>At most this many verdicts are remembered (valid and invalid together). Default 10,000.</summary>
    public int VerdictCacheSize { get; set; } = 10_000;

    /// <summary>The default burst of the built-in limiter: 100 calls.</summary>
    public const int DefaultCallBurst = 100;

    /// <summary>The default refill of the built-in limiter: 20 calls per second (Clerk allows 1,000 per 10 s in production).</summary>
    public const int DefaultCallsPerSecond = 20;

    internal static RateLimiter CreateDefaultLimiter() => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
    {
        TokenLimit = DefaultCallBurst,
        TokensPerPeriod = DefaultCallsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = false,
    });
}
