using System.Buffers.Text;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Clerk.Generated.Json;

namespace Clerk.Generated.Tokens.Jwks;

/// <summary>
/// An immutable set of RSA signing keys by <c>kid</c>, parsed from a JWKS document. Only keys that can verify RS256
/// session tokens are kept: <c>kty</c> RSA, <c>use</c> absent or <c>sig</c>, <c>alg</c> absent or RS256, 2048 to
/// 8192 bits. Lookups by <see cref="ReadOnlySpan{T}"/> do not allocate.
/// </summary>
public sealed class JsonWebKeySet
{
    private readonly FrozenDictionary<string, ClerkSigningKey> _keys;
    private readonly FrozenDictionary<string, ClerkSigningKey>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private JsonWebKeySet(FrozenDictionary<string, ClerkSigningKey> keys, int skippedKeys)
    {
        _keys = keys;
        _bySpan = keys.GetAlternateLookup<ReadOnlySpan<char>>();
        SkippedKeyCount = skippedKeys;
    }

    /// <summary>An empty key set.</summary>
    public static JsonWebKeySet Empty { get; } = new(FrozenDictionary<string, ClerkSigningKey>.Empty, 0);

    /// <summary>The keys, by <c>kid</c>.</summary>
    public IReadOnlyDictionary<string, ClerkSigningKey> Keys => _keys;

    /// <summary>How many entries of the document were ignored (not RSA signing keys, malformed, or wrong size).</summary>
    public int SkippedKeyCount { get; }

    /// <summary>Creates a key set from keys already built.</summary>
    public static JsonWebKeySet FromKeys(IEnumerable<ClerkSigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var byId = new Dictionary<string, ClerkSigningKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            byId[key.KeyId] = key;
        }

        return new JsonWebKeySet(byId.ToFrozenDictionary(StringComparer.Ordinal), 0);
    }

    /// <summary>Parses a JWKS document (<c>{"keys":[…]}</c>).</summary>
    /// <param name="json">The document, UTF-8.</param>
    /// <param name="previous">
    /// A key set to reuse keys from: a key whose id and components are unchanged keeps its RSA instance.
    /// </param>
    /// <exception cref="FormatException">The text is not a JWKS document.</exception>
    public static JsonWebKeySet Parse(ReadOnlySpan<byte> json, JsonWebKeySet? previous = null)
    {
        JsonWebKeySetDocument? document;
        try
        {
            if (!JsonStringEscapes.HasOnlyWellFormedStrings(new Utf8JsonReader(json)))
            {
                throw new FormatException("The JSON Web Key Set holds a string escape that is not well-formed UTF-16.");
            }

            document = JsonSerializer.Deserialize(json, JwksJsonContext.Default.JsonWebKeySetDocument);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The text is not a JSON Web Key Set.", ex);
        }

        if (document?.Keys is null)
        {
            throw new FormatException("The JSON Web Key Set has no \"keys\" array.");
        }

        var byId = new Dictionary<string, ClerkSigningKey>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var jwk in document.Keys)
        {
            if (TryCreateKey(jwk, previous, out var key) && byId.TryAdd(key.KeyId, key))
            {
                continue;
            }

            skipped++;
        }

        return new JsonWebKeySet(byId.ToFrozenDictionary(StringComparer.Ordinal), skipped);
    }

    /// <summary>Parses a JWKS document from text.</summary>
    /// <exception cref="FormatException">The text is not a JWKS document.</exception>
    public static JsonWebKeySet Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(System.Text.Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Finds a key without allocating.</summary>
    public bool TryGetKey(ReadOnlySpan<char> keyId, [NotNullWhen(true)] out ClerkSigningKey? key) =>
        _bySpan.TryGetValue(keyId, out key);

    private static bool TryCreateKey(JsonWebKeyDocument? jwk, JsonWebKeySet? previous, [NotNullWhen(true)] out ClerkSigningKey? key)
    {
        key = null;
        if (jwk is null
            || !string.Equals(jwk.KeyType, "RSA", StringComparison.Ordinal)
            || (jwk.Use is not null && !string.Equals(jwk.Use, "sig", StringComparison.Ordinal))
            || (jwk.Algorithm is not null && !string.Equals(jwk.Algorithm, "RS256", StringComparison.Ordinal))
            || string.IsNullOrEmpty(jwk.KeyId)
            || string.IsNullOrEmpty(jwk.Modulus)
            || string.IsNullOrEmpty(jwk.Exponent)
            || jwk.Modulus.Length > 2048
            || jwk.Exponent.Length > 16)
        {
            return false;
        }

        var modulus = new byte[Base64Url.GetMaxDecodedLength(jwk.Modulus.Length)];
        var exponent = new byte[Base64Url.GetMaxDecodedLength(jwk.Exponent.Length)];
        if (Base64Url.DecodeFromChars(jwk.Modulus, modulus, out _, out var modulusLength) != System.Buffers.OperationStatus.Done
            || Base64Url.DecodeFromChars(jwk.Exponent, exponent, out _, out var exponentLength) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        try
        {
            var candidate = ClerkSigningKey.FromComponents(jwk.KeyId, modulus.AsSpan(0, modulusLength), exponent.AsSpan(0, exponentLength));
            key = previous is not null && previous._keys.TryGetValue(jwk.KeyId, out var known) && known.HasSameComponents(candidate)
                ? known
                : candidate;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
