using Clerk.Generated.Webhooks;
using StackExchange.Redis;

namespace Clerk.Generated.Redis;

/// <summary>
/// The fleet's webhook delivery store: one Redis key per delivery id, <c>p:&lt;owner&gt;</c> while claimed (for the
/// claim lease) and <c>done</c> once processed (for the retention), changed by Lua scripts so that claiming,
/// completing and releasing are atomic across instances. While Redis is unavailable, claims go to the local store:
/// deduplication is then per instance (at least once across the fleet), and no delivery is refused for it.
/// </summary>
public sealed class RedisClerkWebhookDeliveryStore : IClerkWebhookDeliveryStore
{
    private const string Done = "done";
    private const string LocalOwnerPrefix = "local:";

    // 0 claimed, 1 in flight, 2 processed.
    private const string ClaimScript = """
        local v = redis.call('GET', KEYS[1])
        if not v then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
          return 0
        end
        if v == 'done' then return 2 end
        return 1
        """;

    private readonly ClerkRedisConnection _redis;
    private readonly InMemoryClerkWebhookDeliveryStore _local;
    private readonly long _leaseMs;
    private readonly TimeSpan _retention;

    /// <summary>Creates the store over <paramref name="redis"/> with the retention and lease of <paramref name="options"/>.</summary>
    public RedisClerkWebhookDeliveryStore(ClerkRedisConnection redis, ClerkWebhookOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        options ??= new ClerkWebhookOptions();
        _local = new InMemoryClerkWebhookDeliveryStore(options, timeProvider);
        _redis = redis;
        _leaseMs = (long)options.DeliveryClaimLease.TotalMilliseconds;
        _retention = options.DeliveryRetention;
    }

    /// <inheritdoc />
    public ValueTask<ClerkWebhookDeliveryClaim> TryClaimAsync(string deliveryId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        var claim = ClerkWebhookDeliveryClaim.NewOwner(deliveryId);
        return _redis.RunAsync(
            "claiming a webhook delivery",
            async db =>
            {
                var status = (int)await db.ScriptEvaluateAsync(ClaimScript, [Key(deliveryId)], ["p:" + claim.Owner, _leaseMs]).ConfigureAwait(false);
                return status switch
                {
                    0 => claim,
                    2 => ClerkWebhookDeliveryClaim.NotClaimed(deliveryId, ClerkWebhookDeliveryStatus.AlreadyProcessed),
                    _ => ClerkWebhookDeliveryClaim.NotClaimed(deliveryId, ClerkWebhookDeliveryStatus.InFlight),
                };
            },
            async () =>
            {
                var local = await _local.TryClaimAsync(deliveryId, cancellationToken).ConfigureAwait(false);
                return local.Status == ClerkWebhookDeliveryStatus.Claimed ? local with { Owner = LocalOwnerPrefix + local.Owner } : local;
            });
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(ClerkWebhookDeliveryClaim claim, CancellationToken cancellationToken = default)
    {
        // Remembered locally too, so replays reaching this instance stay answered if Redis goes away later.
        await _local.CompleteAsync(claim, cancellationToken).ConfigureAwait(false);
        await _redis.RunAsync(
            "completing a webhook delivery",
            db => db.StringSetAsync(Key(claim.DeliveryId), Done, _retention),
            static () => ValueTask.FromResult(false)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(ClerkWebhookDeliveryClaim claim, CancellationToken cancellationToken = default)
    {
        if (claim.Owner.StartsWith(LocalOwnerPrefix, StringComparison.Ordinal))
        {
            await _local.ReleaseAsync(claim with { Owner = claim.Owner[LocalOwnerPrefix.Length..] }, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _redis.RunAsync(
            "releasing a webhook delivery",
            async db => (long)await db.ScriptEvaluateAsync(RedisScripts.DeleteIfEquals, [Key(claim.DeliveryId)], ["p:" + claim.Owner]).ConfigureAwait(false),
            static () => ValueTask.FromResult(0L)).ConfigureAwait(false);
    }

    private RedisKey Key(string deliveryId) => _redis.Key("webhook-delivery:" + deliveryId);
}
