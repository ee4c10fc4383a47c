using System.Runtime.CompilerServices;
using Clerk.Generated.Tokens.Jwks;
using Microsoft.Extensions.Caching.Memory;

namespace Clerk.Generated.Tokens;

/// <summary>
/// Remembers session tokens that validated, so a repeated token skips the RSA operation. Entries are keyed by the
/// exact token text, stop being served at the token's <c>exp</c> (clock skew is not extended to cached entries),
/// and are dropped when their signing key leaves the key set. Bounded by <see cref="MemoryCache"/>'s size limit:
/// when full, a new token is not cached and a background compaction evicts a slice of the least recently used
/// entries, so the cost per new token stays constant (amortized) however full the cache is. In front of it, the entries
/// of recent hits by the token string's identity: a kept-alive connection that repeats its header gets the same token
/// instance on every request (see the ASP.NET Core scheme's bearer memo), so a hit is one reference comparison instead
/// of hashing a ~1 KB key and updating the cache's bookkeeping. The same expiry and key checks apply to both.
/// </summary>
internal sealed class ValidatedTokenCache
{
    /// <summary>One token instance per kept-alive connection: enough slots that connections rarely evict each other.</summary>
    private const int RecentSlotCount = 256;

    private readonly MemoryCache _entries;
    private readonly Entry?[] _recent = new Entry?[RecentSlotCount];

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
        ref var recent = ref _recent[RuntimeHelpers.GetHashCode(token) & (RecentSlotCount - 1)];
        var remembered = Volatile.Read(ref recent);
        var entry = remembered is not null && ReferenceEquals(remembered.Token, token)
            ? remembered
            : _entries.TryGetValue(token, out Entry? cached) ? cached : null;

        if (entry is not null)
        {
            if (nowMilliseconds < entry.ExpiresAtMilliseconds
                && keys.TryGetKey(entry.Key.KeyId, out var current)
                && ReferenceEquals(current, entry.Key))
            {
                if (!ReferenceEquals(entry, remembered))
                {
                    Volatile.Write(ref recent, entry);
                }

                result = entry.Result;
                return true;
            }

            if (ReferenceEquals(entry, remembered))
            {
                Volatile.Write(ref recent, null);
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
        var entry = new Entry(token, result, jwt.SigningKey, jwt.ExpiresAtSeconds * 1000);
        _entries.Set(token, entry, new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpiration = DateTimeOffset.FromUnixTimeMilliseconds(entry.ExpiresAtMilliseconds),
        });
    }

    private sealed record Entry(string Token, ClerkTokenValidationResult Result, ClerkSigningKey Key, long ExpiresAtMilliseconds);
}
