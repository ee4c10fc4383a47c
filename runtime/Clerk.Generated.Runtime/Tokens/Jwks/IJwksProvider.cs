using System.Diagnostics.CodeAnalysis;

namespace Clerk.Generated.Tokens.Jwks;

/// <summary>Supplies the RSA public keys that sign session tokens, by key id.</summary>
public interface IJwksProvider
{
    /// <summary>
    /// The synchronous fast path: returns a key already in memory without allocating or waiting. Returning false
    /// only means "not available synchronously"; the validator then calls <see cref="GetKeyAsync"/>.
    /// </summary>
    bool TryGetKey(ReadOnlySpan<char> keyId, [NotNullWhen(true)] out ClerkSigningKey? key)
    {
        key = null;
        return false;
    }

    /// <summary>Finds the key named <paramref name="keyId"/>, loading or refreshing keys if the provider does that.</summary>
    /// <returns>The key, or why there is none. Never throws for an unknown key or an unreachable key source.</returns>
    ValueTask<JwksKeyLookup> GetKeyAsync(string keyId, CancellationToken cancellationToken = default);
}
