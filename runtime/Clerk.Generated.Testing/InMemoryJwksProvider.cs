using System.Diagnostics.CodeAnalysis;
using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Tokens;

namespace Clerk.Generated.Testing;

/// <summary>
/// A key provider whose keys a test changes at will (to simulate rotation) and that counts lookups. Thread-safe.
/// </summary>
public sealed class InMemoryJwksProvider : IJwksProvider
{
    private volatile JsonWebKeySet _keys;
    private long _asyncLookups;

    /// <summary>Creates a provider serving <paramref name="keys"/>.</summary>
    public InMemoryJwksProvider(params IEnumerable<ClerkSigningKey> keys) => _keys = JsonWebKeySet.FromKeys(keys);

    /// <summary>The keys currently served.</summary>
    public JsonWebKeySet KeySet => _keys;

    /// <summary>How many times <see cref="GetKeyAsync"/> was called (the synchronous fast path is not counted).</summary>
    public long AsyncLookupCount => Interlocked.Read(ref _asyncLookups);

    /// <summary>When true, <see cref="GetKeyAsync"/> answers <see cref="JwksKeyLookup.Unavailable"/> (Clerk down).</summary>
    public bool Unavailable { get; set; }

    /// <summary>Replaces every key.</summary>
    public void SetKeys(params IEnumerable<ClerkSigningKey> keys) => _keys = JsonWebKeySet.FromKeys(keys);

    /// <summary>Adds (or replaces) a key.</summary>
    public void AddKey(ClerkSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _keys = JsonWebKeySet.FromKeys(_keys.Keys.Values.Where(k => k.KeyId != key.KeyId).Append(key));
    }

    /// <summary>Removes the key with id <paramref name="keyId"/>.</summary>
    public void RemoveKey(string keyId) => _keys = JsonWebKeySet.FromKeys(_keys.Keys.Values.Where(k => k.KeyId != keyId));

    /// <inheritdoc />
    public bool TryGetKey(ReadOnlySpan<char> keyId, [NotNullWhen(true)] out ClerkSigningKey? key)
    {
        if (Unavailable)
        {
            key = null;
            return false;
        }

        return _keys.TryGetKey(keyId, out key);
    }

    /// <inheritdoc />
    public ValueTask<JwksKeyLookup> GetKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _asyncLookups);
        if (Unavailable)
        {
            return ValueTask.FromResult(JwksKeyLookup.Unavailable);
        }

        return ValueTask.FromResult(_keys.TryGetKey(keyId, out var key) ? JwksKeyLookup.Found(key) : JwksKeyLookup.UnknownKey);
    }
}
