using Clerk.Generated.Fleet;
using Clerk.Generated.Redis;
using Clerk.Generated.Webhooks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what a fleet shares through Redis.</summary>
public static class ClerkRedisServiceCollectionExtensions
{
    /// <summary>
    /// Registers the fleet's Redis connection and, over it: the webhook delivery store
    /// (<see cref="RedisClerkWebhookDeliveryStore"/>), the fleet lock, Redis as the <see cref="IDistributedCache"/>
    /// (Microsoft.Extensions.Caching.StackExchangeRedis on the same connection), and <see cref="ClerkSharedCache"/> over
    /// it for machine-token verdicts and the JWKS document.
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
        services.TryAddSingleton(sp => new ClerkSharedCache(sp.GetRequiredService<IDistributedCache>(), sp.GetService<IClerkFleetLock>()));
        return services;
    }

    /// <summary>
    /// Puts the fleet's shared Backend API rate limit of <paramref name="secretKey"/> in front of this client
    /// (for example the builder <c>AddClerkClient</c> returns): a <see cref="ClerkBackendApiRateLimitHandler"/> over a
    /// <see cref="RedisClerkRateLimiter"/>, which also shares Clerk's Retry-After. Requires <see cref="AddClerkRedis"/>.
    /// </summary>
    public static IHttpClientBuilder AddClerkSharedRateLimit(
        this IHttpClientBuilder builder, string secretKey, Action<ClerkRedisRateLimitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        var options = new ClerkRedisRateLimitOptions();
        configure?.Invoke(options);
        RedisClerkRateLimiter? limiter = null;
        var gate = new object();
        return builder.AddHttpMessageHandler(sp =>
        {
            // One limiter per client registration for the application's life; handlers are recreated, the limiter is not.
            lock (gate)
            {
                limiter ??= new RedisClerkRateLimiter(sp.GetRequiredService<ClerkRedisConnection>(), secretKey, options);
            }

            return new ClerkBackendApiRateLimitHandler(limiter, limiter, sp.GetService<TimeProvider>());
        });
    }
}
