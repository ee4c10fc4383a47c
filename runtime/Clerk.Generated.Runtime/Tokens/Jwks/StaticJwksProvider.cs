using System.Diagnostics.CodeAnalysis;

namespace Clerk.Generated.Tokens.Jwks;

/// <summary>
/// Networkless keys: a fixed JWKS, or the single PEM public key Clerk calls <c>CLERK_JWT_KEY</c>. Never fetches.
/// </summary>
public sealed class StaticJwksProvider : IJwksProvider
{
    private readonly JsonWebKeySet _keys;
    private readonly ClerkSigningKey? _singleKey;

    private StaticJwksProvider(JsonWebKeySet keys, ClerkSigningKey? singleKey)
    {
        _keys = keys;
        _singleKey = singleKey;
    }

    /// <summary>The keys this provider serves.</summary>
    public JsonWebKeySet KeySet => _keys;

    /// <summary>
    /// Serves one PEM public key (the instance's <c>CLERK_JWT_KEY</c>) for every <c>kid</c>, as Clerk's SDKs do
    /// in networkless mode: an instance has one signing key and the PEM does not carry its id.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not a usable RSA public key.</exception>
    public static StaticJwksProvider FromPem(string pem)
    {
        var key = ClerkSigningKey.FromPem("local", pem);
        return new StaticJwksProvider(JsonWebKeySet.FromKeys([key]), key);
    }

    /// <summary>Serves the keys of a JWKS document, matched by <c>kid</c>.</summary>
    /// <exception cref="FormatException">The text is not a JWKS document.</exception>
    public static StaticJwksProvider FromJwks(string jwksJson) => new(JsonWebKeySet.Parse(jwksJson), null);

    /// <summary>Serves the given keys, matched by <c>kid</c>.</summary>
    public static StaticJwksProvider FromKeys(params IEnumerable<ClerkSigningKey> keys) => new(JsonWebKeySet.FromKeys(keys), null);

    /// <inheritdoc />
    public bool TryGetKey(ReadOnlySpan<char> keyId, [NotNullWhen(true)] out ClerkSigningKey? key)
    {
        if (_singleKey is not null)
        {
            key = _singleKey;
            return true;
        }

        return _keys.TryGetKey(keyId, out key);
    }

    /// <inheritdoc />
    public ValueTask<JwksKeyLookup> GetKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TryGetKey(keyId, out var key) ? JwksKeyLookup.Found(key) : JwksKeyLookup.UnknownKey);
}
