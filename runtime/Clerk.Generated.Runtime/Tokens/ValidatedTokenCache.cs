using Clerk.Generated.Tokens.Jwks;
using Microsoft.Extensions.Caching.Memory;

namespace Clerk.Generated.Tokens;

/// <summary>
/// Remembers session tokens that validated, so a repeated token skips the RSA operation. Entries are keyed by the
/// exact token text, stop being served at the token's <c>exp</c> (clock skew is not extended to cached entries),
/// and are dropped when their signing key leaves the key set. Bounded by <see cref="MemoryCache"/>'s size limit:
/// when full, a new token is not cached and a background compaction evicts a slice of the least recently used
/// entries, so the cost per new token stays constant (amortized) however full the cache is.
/// </summary>
internal sealed class ValidatedTokenCache
{
    private readonly MemoryCache _entries;

    public ValidatedTokenCache(int capacity, TimeProvider time)
    {
        _entries = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = capacity,
            Clock = new TimeProviderClock(time),
        });
    }

    public int Count => _entries.Count;

    public bool TryGet(string token, long nowMilliseconds, IJwksProvider keys, out ClerkTokenValidationResult result)
    {
        if (_entries.TryGetValue(token, out Entry? entry))
        {
            if (nowMilliseconds < entry!.ExpiresAtMilliseconds
                && keys.TryGetKey(entry.Key.KeyId, out var current)
                && ReferenceEquals(current, entry.Key))
            {
                result = entry.Result;
                return true;
            }

            _entries.Remove(token);
        }

        result = null!;
        return false;
    }

    public void Add(string token, ClerkTokenValidationResult result)
    {
        var jwt = result.Token!;
        // The key instance is compared again on each hit: a key rotated out of the set invalidates its entries.
        var entry = new Entry(result, jwt.SigningKey, jwt.ExpiresAtSeconds * 1000);
        _entries.Set(token, entry, new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpiration = DateTimeOffset.FromUnixTimeMilliseconds(entry.ExpiresAtMilliseconds),
        });
    }

    private sealed record Entry(ClerkTokenValidationResult Result, ClerkSigningKey Key, long ExpiresAtMilliseconds);
}
