using Clerk.Generated.Fleet;
using Clerk.Generated.Webhooks;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clerk.Generated.Redis;

/// <summary>Registers what a fleet shares through Redis.</summary>
public static class ClerkRedisServiceCollectionExtensions
{
    /// <summary>
    /// Registers the fleet's Redis connection and, over it: the webhook delivery store
    /// (<see cref="RedisClerkWebhookDeliveryStore"/>), the fleet lock, Redis as the <c>IDistributedCache</c> under
    /// <see cref="HybridCache"/>, and <see cref="ClerkSharedCache"/> for machine-token verdicts and the JWKS document.
    /// </summary>
    public static IServiceCollection AddClerkRedis(this IServiceCollection services, Action<ClerkRedisOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ClerkRedisOptions>().Configure(configure);
        services.TryAddSingleton(sp => new ClerkRedisConnection(
            sp.GetRequiredService<IOptions<ClerkRedisOptions>>().Value, sp.GetService<ILogger<ClerkRedisConnection>>()));
        services.TryAddSingleton<IClerkSharedStoreHealth>(sp => sp.GetRequiredService<ClerkRedisConnection>());
        services.TryAddSingleton<IClerkWebhookDeliveryStore>(sp => new RedisClerkWebhookDeliveryStore(
            sp.GetRequiredService<ClerkRedisConnection>(),
            sp.GetService<IOptions<ClerkWebhookOptions>>()?.Value,
            sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IClerkFleetLock>(sp => new RedisClerkFleetLock(sp.GetRequiredService<ClerkRedisConnection>()));

        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions>()
            .Configure<ClerkRedisConnection>((cache, redis) =>
            {
                cache.ConnectionMultiplexerFactory = () => Task.FromResult(redis.Multiplexer);
                cache.InstanceName = redis.KeyPrefix + "cache:";
            });
        services.AddHybridCache();
        services.TryAddSingleton(sp => new ClerkSharedCache(sp.GetRequiredService<HybridCache>(), sp.GetService<IClerkFleetLock>()));
        return services;
    }
}
