using Microsoft.Extensions.Caching.Hybrid;

namespace Clerk.Generated.Fleet;

/// <summary>
/// What the instances of a fleet fetch from Clerk once and share: machine-token verdicts and the JWKS document.
/// Values go through <see cref="HybridCache"/> (in memory, then the registered <c>IDistributedCache</c>, such as
/// Redis), which runs one fetch per instance however many callers miss at once. With an <see cref="IClerkFleetLock"/>,
/// one fetch runs for the whole fleet: the instance holding the lock fetches and stores, the others read what it
/// stored.
/// </summary>
/// <remarks>Values are byte arrays (HybridCache stores those without a serializer), so nothing here needs reflection.</remarks>
public sealed class ClerkSharedCache
{
    /// <summary>How often an instance waiting for another one's fetch looks for the stored value.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Reads the shared tiers without ever running a factory, for instances waiting on another one's fetch.</summary>
    private static readonly HybridCacheEntryOptions PeekOptions = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheRead | HybridCacheEntryFlags.DisableLocalCacheWrite,
    };

    private readonly HybridCache _cache;
    private readonly IClerkFleetLock? _fleetLock;
    private readonly TimeSpan _fetchLease;

    /// <summary>Creates a shared cache.</summary>
    /// <param name="cache">The cache values are stored in.</param>
    /// <param name="fleetLock">Makes one instance of the fleet fetch; null leaves one fetch per instance.</param>
    /// <param name="fetchLease">How long other instances wait for the lock holder's value before fetching themselves. Default 10 seconds.</param>
    public ClerkSharedCache(HybridCache cache, IClerkFleetLock? fleetLock = null, TimeSpan? fetchLease = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
        _fleetLock = fleetLock;
        _fetchLease = fetchLease ?? TimeSpan.FromSeconds(10);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_fetchLease, TimeSpan.Zero, nameof(fetchLease));
    }

    /// <summary>
    /// Returns the value stored under <paramref name="key"/>, or runs <paramref name="fetch"/> (once for the fleet
    /// when a lock is configured) and stores its answer for <paramref name="expiration"/>. A fetch answering null is
    /// returned to its callers and stored nowhere.
    /// </summary>
    internal async ValueTask<byte[]?> GetOrFetchAsync(
        string key, TimeSpan expiration, Func<CancellationToken, ValueTask<byte[]?>> fetch, CancellationToken cancellationToken)
    {
        var options = new HybridCacheEntryOptions { Expiration = expiration, LocalCacheExpiration = expiration };
        try
        {
            return await _cache.GetOrCreateAsync(
                key,
                (Shared: this, Key: key, Options: options, Fetch: fetch),
                static async (state, ct) => await state.Shared.FetchOnceAsync(state.Key, state.Options, state.Fetch, ct).ConfigureAwait(false)
                                            ?? throw new NothingToShareException(),
                options,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (NothingToShareException)
        {
            return null;
        }
    }

    /// <summary>Replaces the value stored under <paramref name="key"/> (a fresh fetch made outside <see cref="GetOrFetchAsync"/>).</summary>
    internal ValueTask SetAsync(string key, byte[] value, TimeSpan expiration, CancellationToken cancellationToken) =>
        _cache.SetAsync(key, value, new HybridCacheEntryOptions { Expiration = expiration, LocalCacheExpiration = expiration }, cancellationToken: cancellationToken);

    private async ValueTask<byte[]?> FetchOnceAsync(
        string key, HybridCacheEntryOptions options, Func<CancellationToken, ValueTask<byte[]?>> fetch, CancellationToken cancellationToken)
    {
        if (_fleetLock is null)
        {
            return await fetch(cancellationToken).ConfigureAwait(false);
        }

        var giveUpAt = DateTimeOffset.UtcNow + _fetchLease;
        while (true)
        {
            var held = await _fleetLock.TryAcquireAsync("fetch:" + key, _fetchLease, cancellationToken).ConfigureAwait(false);
            if (held is not null)
            {
                await using (held.ConfigureAwait(false))
                {
                    // Another holder may have stored the value between our miss and our lock.
                    var stored = await PeekAsync(key, cancellationToken).ConfigureAwait(false);
                    if (stored is not null)
                    {
                        return stored;
                    }

                    var value = await fetch(cancellationToken).ConfigureAwait(false);
                    if (value is not null)
                    {
                        // Stored before the lock is released, so the instances waiting on it find the value.
                        await _cache.SetAsync(key, value, options, cancellationToken: cancellationToken).ConfigureAwait(false);
                    }

                    return value;
                }
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            var shared = await PeekAsync(key, cancellationToken).ConfigureAwait(false);
            if (shared is not null)
            {
                return shared;
            }

            if (DateTimeOffset.UtcNow >= giveUpAt)
            {
                // The holder is slow or gone: fetch as a single instance would rather than wait longer.
                return await fetch(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private ValueTask<byte[]?> PeekAsync(string key, CancellationToken cancellationToken) =>
        _cache.GetOrCreateAsync<byte[]?>(key, static _ => ValueTask.FromResult<byte[]?>(null), PeekOptions, cancellationToken: cancellationToken);

    /// <summary>Carries "do not store" out of a HybridCache factory, which stores whatever a factory returns.</summary>
    private sealed class NothingToShareException : Exception;
}
