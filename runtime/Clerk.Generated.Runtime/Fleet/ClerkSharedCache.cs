using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;

namespace Clerk.Generated.Fleet;

/// <summary>
/// What the instances of a fleet fetch from Clerk once and share: machine-token verdicts and the JWKS document.
/// Values are stored in an <see cref="IDistributedCache"/> (such as Redis); one fetch runs per instance however many
/// callers miss at once, and with an <see cref="IClerkFleetLock"/> one fetch runs for the whole fleet: the instance
/// holding the lock fetches and stores, the others read what it stored. A distributed cache that fails is read as a
/// miss and skipped on store, so an outage costs one fetch per instance, never an error.
/// </summary>
/// <remarks>
/// Values are byte arrays, stored as they are: nothing here serializes, so nothing needs reflection (Native AOT). The
/// callers keep their own copy in memory (the JWKS cache its keys, the verifier its verdicts), so no in-memory tier
/// sits in front of the distributed cache.
/// </remarks>
public sealed class ClerkSharedCache
{
    /// <summary>How often an instance waiting for another one's fetch looks for the stored value.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly IDistributedCache _cache;
    private readonly IClerkFleetLock? _fleetLock;
    private readonly TimeSpan _fetchLease;
    private readonly ConcurrentDictionary<string, Task<byte[]?>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Creates a shared cache.</summary>
    /// <param name="cache">The cache values are stored in.</param>
    /// <param name="fleetLock">Makes one instance of the fleet fetch; null leaves one fetch per instance.</param>
    /// <param name="fetchLease">How long other instances wait for the lock holder's value before fetching themselves. Default 10 seconds.</param>
    public ClerkSharedCache(IDistributedCache cache, IClerkFleetLock? fleetLock = null, TimeSpan? fetchLease = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
        _fleetLock = fleetLock;
        _fetchLease = fetchLease ?? TimeSpan.FromSeconds(10);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_fetchLease, TimeSpan.Zero, nameof(fetchLease));
    }

    /// <summary>
    /// Returns the value stored under <paramref name="key"/>, or runs <paramref name="fetch"/> (once per instance, and
    /// once for the fleet when a lock is configured) and stores its answer for <paramref name="expiration"/>. A fetch
    /// answering null is returned to its callers and stored nowhere.
    /// </summary>
    internal async ValueTask<byte[]?> GetOrFetchAsync(
        string key, TimeSpan expiration, Func<CancellationToken, ValueTask<byte[]?>> fetch, CancellationToken cancellationToken)
    {
        while (true)
        {
            var mine = new TaskCompletionSource<byte[]?>(TaskCreationOptions.RunContinuationsAsynchronously);
            var flight = _inFlight.GetOrAdd(key, mine.Task);
            if (flight != mine.Task)
            {
                try
                {
                    return await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The caller that ran the fetch gave up, not this one: run it again.
                    continue;
                }
            }

            try
            {
                var value = await LoadAsync(key, expiration, fetch, cancellationToken).ConfigureAwait(false);
                mine.SetResult(value);
                return value;
            }
            catch (OperationCanceledException ex)
            {
                mine.SetCanceled(ex.CancellationToken);
                throw;
            }
            catch (Exception ex)
            {
                mine.SetException(ex);
                _ = mine.Task.Exception; // observed here: the callers that joined see it too
                throw;
            }
            finally
            {
                _inFlight.TryRemove(KeyValuePair.Create(key, mine.Task));
            }
        }
    }

    /// <summary>Replaces the value stored under <paramref name="key"/> (a fresh fetch made outside <see cref="GetOrFetchAsync"/>).</summary>
    internal async ValueTask SetAsync(string key, byte[] value, TimeSpan expiration, CancellationToken cancellationToken) =>
        await TryStoreAsync(key, value, expiration, cancellationToken).ConfigureAwait(false);

    private async ValueTask<byte[]?> LoadAsync(
        string key, TimeSpan expiration, Func<CancellationToken, ValueTask<byte[]?>> fetch, CancellationToken cancellationToken)
    {
        if (await TryReadAsync(key, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return stored;
        }

        if (_fleetLock is null)
        {
            return await FetchAndStoreAsync(key, expiration, fetch, cancellationToken).ConfigureAwait(false);
        }

        var giveUpAt = DateTimeOffset.UtcNow + _fetchLease;
        while (true)
        {
            var held = await _fleetLock.TryAcquireAsync("fetch:" + key, _fetchLease, cancellationToken).ConfigureAwait(false);
            if (held is not null)
            {
                await using (held.ConfigureAwait(false))
                {
                    // Another holder may have stored the value between our miss and our lock. Stored before the lock
                    // is released, so the instances waiting on it find the value.
                    return await TryReadAsync(key, cancellationToken).ConfigureAwait(false)
                           ?? await FetchAndStoreAsync(key, expiration, fetch, cancellationToken).ConfigureAwait(false);
                }
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            if (await TryReadAsync(key, cancellationToken).ConfigureAwait(false) is { } shared)
            {
                return shared;
            }

            if (DateTimeOffset.UtcNow >= giveUpAt)
            {
                // The holder is slow or gone: fetch as a single instance would rather than wait longer.
                return await FetchAndStoreAsync(key, expiration, fetch, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask<byte[]?> FetchAndStoreAsync(
        string key, TimeSpan expiration, Func<CancellationToken, ValueTask<byte[]?>> fetch, CancellationToken cancellationToken)
    {
        var value = await fetch(cancellationToken).ConfigureAwait(false);
        if (value is not null)
        {
            await TryStoreAsync(key, value, expiration, cancellationToken).ConfigureAwait(false);
        }

        return value;
    }

    /// <summary>The stored value, or null when there is none or the cache cannot be read (an outage is a miss).</summary>
    private async ValueTask<byte[]?> TryReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="value"/>; a cache that cannot be written leaves the value to this instance.</summary>
    private async ValueTask TryStoreAsync(string key, byte[] value, TimeSpan expiration, CancellationToken cancellationToken)
    {
        try
        {
            await _cache.SetAsync(key, value, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = expiration }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not shared this time: the next caller fetches again, as a single instance would.
        }
    }
}
