using System.Collections.Concurrent;

namespace Clerk.Generated.Tokens;

/// <summary>
/// Remembers session tokens that validated, so a repeated token skips the RSA operation. Entries are keyed by the
/// exact token text, stop being served at the token's <c>exp</c> (clock skew is not extended to cached entries),
/// and are dropped when their signing key leaves the key set. Bounded: when full, expired entries are swept and,
/// if it is still full, new tokens are simply not cached.
/// </summary>
internal sealed class ValidatedTokenCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private int _count;

    public ValidatedTokenCache(int capacity) => _capacity = capacity;

    public int Count => Volatile.Read(ref _count);

    public bool TryGet(string token, long nowMilliseconds, IJwksProvider keys, out ClerkTokenValidationResult result)
    {
        if (_entries.TryGetValue(token, out var entry))
        {
            if (nowMilliseconds < entry.ExpiresAtMilliseconds
                && keys.TryGetKey(entry.Key.KeyId, out var current)
                && ReferenceEquals(current, entry.Key))
            {
                result = entry.Result;
                return true;
            }

            Remove(token);
        }

        result = null!;
        return false;
    }

    public void Add(string token, ClerkTokenValidationResult result, long nowMilliseconds)
    {
        var jwt = result.Token!;
        if (Volatile.Read(ref _count) >= _capacity && !SweepExpired(nowMilliseconds))
        {
            return;
        }

        // The key instance is compared again on each hit: a key rotated out of the set invalidates its entries.
        if (_entries.TryAdd(token, new Entry(result, jwt.SigningKey, jwt.ExpiresAtSeconds * 1000)))
        {
            Interlocked.Increment(ref _count);
        }
    }

    private void Remove(string token)
    {
        if (_entries.TryRemove(token, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private bool SweepExpired(long nowMilliseconds)
    {
        foreach (var (token, entry) in _entries)
        {
            if (entry.ExpiresAtMilliseconds <= nowMilliseconds)
            {
                Remove(token);
            }
        }

        return Volatile.Read(ref _count) < _capacity;
    }

    private sealed record Entry(ClerkTokenValidationResult Result, ClerkSigningKey Key, long ExpiresAtMilliseconds);
}
