using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Clerk.Generated.Fleet;
using StackExchange.Redis;

namespace Clerk.Generated.Redis;

/// <summary>
/// The Backend API rate limit of one secret key, shared by the fleet: a sliding log in Redis (a sorted set of call
/// times, read and written by one Lua script on Redis's own clock), so at most <see cref="ClerkRedisRateLimitOptions.PermitLimit"/>
/// calls start in any <see cref="ClerkRedisRateLimitOptions.Window"/> across all instances. The same script honours
/// the Retry-After an instance posted after Clerk answered 429. Keys are named by a hash of the secret key, never the key.
/// While Redis is unavailable, a local sliding window with the same limit takes over (per instance).
/// </summary>
public sealed class RedisClerkRateLimiter : RateLimiter, IClerkRetryAfterBoard
{
    // KEYS[1] the log, KEYS[2] the posted hold. ARGV[1] window ms, ARGV[2] limit, ARGV[3] a unique member.
    // Returns -1 when a call may start now, else the milliseconds until one may.
    private const string AcquireScript = """
        local hold = redis.call('PTTL', KEYS[2])
        if hold > 0 then return hold end
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local window = tonumber(ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
          redis.call('ZADD', KEYS[1], now, ARGV[3])
          redis.call('PEXPIRE', KEYS[1], window)
          return -1
        end
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return math.max(1, tonumber(oldest[2]) + window - now)
        """;

    // KEYS[1] the hold, ARGV[1] ms. Keeps a longer hold already posted.
    private const string HoldScript = """
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
        return 0
        """;

    private readonly ClerkRedisConnection _redis;
    private readonly ClerkRedisRateLimitOptions _options;
    private readonly RedisKey[] _keys;
    private readonly SlidingWindowRateLimiter _fallback;
    private long _granted;
    private long _refused;

    /// <summary>Creates the limiter of <paramref name="secretKey"/> (only its hash is used).</summary>
    public RedisClerkRateLimiter(ClerkRedisConnection redis, string secretKey, ClerkRedisRateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PermitLimit, "ClerkRedisRateLimitOptions.PermitLimit");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Window, TimeSpan.FromMilliseconds(1), "ClerkRedisRateLimitOptions.Window");
        _redis = redis;
        _options = options;
        var scope = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secretKey)).AsSpan(0, 16));
        _keys = [redis.Key("rate:" + scope + ":log"), redis.Key("rate:" + scope + ":hold")];
        _fallback = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.PermitLimit,
            Window = options.Window,
            SegmentsPerWindow = 10,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => null;

    /// <inheritdoc />
    public override RateLimiterStatistics GetStatistics() => new()
    {
        TotalSuccessfulLeases = Interlocked.Read(ref _granted),
        TotalFailedLeases = Interlocked.Read(ref _refused),
    };

    /// <inheritdoc />
    public ValueTask PostAsync(TimeSpan retryAfter, CancellationToken cancellationToken = default) => PostCoreAsync(retryAfter);

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ThrowIfNotOne(permitCount);
        long wait;
        try
        {
            wait = (long)_redis.Database.ScriptEvaluate(AcquireScript, _keys, [(long)_options.Window.TotalMilliseconds, _options.PermitLimit, Guid.NewGuid().ToString("N")]);
            _redis.MarkAvailable();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _redis.MarkUnavailable("taking a Backend API call permit", ex);
            return Count(_fallback.AttemptAcquire());
        }

        return Count(wait < 0 ? Lease.Granted : Lease.Refused(TimeSpan.FromMilliseconds(wait)));
    }

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ThrowIfNotOne(permitCount);
        var giveUpAt = DateTime.UtcNow + _options.MaxWait;
        while (true)
        {
            var wait = await _redis.RunAsync<long?>(
                "taking a Backend API call permit",
                async db => (long)await db.ScriptEvaluateAsync(
                    AcquireScript, _keys, [(long)_options.Window.TotalMilliseconds, _options.PermitLimit, Guid.NewGuid().ToString("N")]).ConfigureAwait(false),
                static () => ValueTask.FromResult<long?>(null)).ConfigureAwait(false);
            if (wait is null)
            {
                return Count(await _fallback.AcquireAsync(1, cancellationToken).ConfigureAwait(false));
            }

            if (wait < 0)
            {
                return Count(Lease.Granted);
            }

            var delay = TimeSpan.FromMilliseconds(wait.Value + Random.Shared.Next(1, 10));
            if (DateTime.UtcNow + delay > giveUpAt)
            {
                return Count(Lease.Refused(delay));
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _fallback.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask PostCoreAsync(TimeSpan retryAfter)
    {
        var ms = Math.Max(1, (long)retryAfter.TotalMilliseconds);
        await _redis.RunAsync(
            "posting Clerk's Retry-After",
            async db => (long)await db.ScriptEvaluateAsync(HoldScript, [_keys[1]], [ms]).ConfigureAwait(false),
            static () => ValueTask.FromResult(0L)).ConfigureAwait(false);
    }

    private RateLimitLease Count(RateLimitLease lease)
    {
        Interlocked.Increment(ref lease.IsAcquired ? ref _granted : ref _refused);
        return lease;
    }

    private static void ThrowIfNotOne(int permitCount)
    {
        if (permitCount != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "Each Backend API call takes one permit.");
        }
    }

    private sealed class Lease : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        private readonly TimeSpan? _retryAfter;

        private Lease(bool acquired, TimeSpan? retryAfter)
        {
            IsAcquired = acquired;
            _retryAfter = retryAfter;
        }

        public override bool IsAcquired { get; }

        public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (_retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
