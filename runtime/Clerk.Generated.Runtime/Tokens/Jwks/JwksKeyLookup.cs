
namespace Clerk.Generated.Tokens.Jwks;

/// <summary>The outcome of asking an <see cref="IJwksProvider"/> for a key.</summary>
public readonly record struct JwksKeyLookup
{
    private JwksKeyLookup(ClerkSigningKey? key, JwksKeyLookupStatus status)
    {
        Key = key;
        Status = status;
    }

    /// <summary>The key, when <see cref="Status"/> is <see cref="JwksKeyLookupStatus.Found"/>.</summary>
    public ClerkSigningKey? Key { get; }

    /// <summary>Whether the key was found, and if not, why.</summary>
    public JwksKeyLookupStatus Status { get; }

    /// <summary>The key was found.</summary>
    public static JwksKeyLookup Found(ClerkSigningKey key) => new(key ?? throw new ArgumentNullException(nameof(key)), JwksKeyLookupStatus.Found);

    /// <summary>The keys are known and none has the requested id.</summary>
    public static JwksKeyLookup UnknownKey { get; } = new(null, JwksKeyLookupStatus.UnknownKey);

    /// <summary>The keys could not be loaded.</summary>
    public static JwksKeyLookup Unavailable { get; } = new(null, JwksKeyLookupStatus.Unavailable);
}
