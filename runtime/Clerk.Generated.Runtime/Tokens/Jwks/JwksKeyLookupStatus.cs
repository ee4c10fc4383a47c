namespace Clerk.Generated.Tokens.Jwks;

/// <summary>Whether an <see cref="IJwksProvider"/> found a key.</summary>
public enum JwksKeyLookupStatus
{
    /// <summary>The key was found.</summary>
    Found,

    /// <summary>The key set is known and holds no key with that id.</summary>
    UnknownKey,

    /// <summary>The key set could not be loaded (and no stale copy may be used).</summary>
    Unavailable,
}
