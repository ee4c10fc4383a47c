using Clerk.Generated.Fleet;
using StackExchange.Redis;

namespace Clerk.Generated.Redis;

/// <summary>
/// The fleet lock on Redis: <c>SET NX PX</c> with a random owner, released only by its owner. When Redis is
/// unavailable every caller gets the lock, so each instance fetches on its own, as a single instance would.
/// </summary>
public sealed class RedisClerkFleetLock(ClerkRedisConnection redis) : IClerkFleetLock
{
    /// <inheritdoc />
    public ValueTask<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var key = redis.Key("lock:" + name);
        var owner = Guid.NewGuid().ToString("N");
        return redis.RunAsync<IAsyncDisposable?>(
            "taking a fleet lock",
            async db => await db.StringSetAsync(key, owner, lease, When.NotExists).ConfigureAwait(false) ? new Held(redis, key, owner) : null,
            static () => ValueTask.FromResult<IAsyncDisposable?>(NotShared.Instance));
    }

    private sealed class Held(ClerkRedisConnection redis, RedisKey key, string owner) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await redis.RunAsync(
            "releasing a fleet lock",
            async db => (long)await db.ScriptEvaluateAsync(RedisScripts.DeleteIfEquals, [key], [owner]).ConfigureAwait(false),
            static () => ValueTask.FromResult(0L)).ConfigureAwait(false);
    }

    /// <summary>The lock handed out while Redis is down: nothing to release.</summary>
    private sealed class NotShared : IAsyncDisposable
    {
        public static readonly NotShared Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
