namespace Clerk.Generated.Http;

/// <summary>
/// The ways an operation accepts to be called, in the spec's order (its OpenAPI <c>security</c>): each alternative is
/// a set of <see cref="ClerkCredentials"/> sent together, <see cref="ClerkCredentials.None"/> the anonymous one. The
/// transport sends the first credentialed alternative the options can satisfy, else nothing when the anonymous
/// alternative is accepted, else fails before sending.
/// </summary>
public sealed class ClerkSecurity : IEquatable<ClerkSecurity>
{
    private readonly ClerkCredentials[] _alternatives;

    /// <summary>Describes an operation's security.</summary>
    /// <param name="alternatives">The accepted alternatives in the spec's order; none means no way to call it.</param>
    public ClerkSecurity(params ClerkCredentials[] alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        _alternatives = [.. alternatives];
    }

    /// <summary>An operation anyone may call (<c>security: []</c>): no credentials are sent.</summary>
    public static ClerkSecurity Anonymous { get; } = new(ClerkCredentials.None);

    /// <summary>The accepted alternatives, in the spec's order.</summary>
    public IReadOnlyList<ClerkCredentials> Alternatives => _alternatives;

    /// <summary>
    /// The alternative to send with credentials <paramref name="available"/>: the first credentialed one they
    /// satisfy, else <see cref="ClerkCredentials.None"/> when the anonymous one is accepted; false when none fits.
    /// </summary>
    internal bool TryChoose(ClerkCredentials available, out ClerkCredentials chosen)
    {
        foreach (var alternative in _alternatives)
        {
            if (alternative != ClerkCredentials.None && (alternative & ~available) == 0)
            {
                chosen = alternative;
                return true;
            }
        }

        chosen = ClerkCredentials.None;
        return Array.IndexOf(_alternatives, ClerkCredentials.None) >= 0;
    }

    /// <inheritdoc />
    public bool Equals(ClerkSecurity? other) => other is not null && _alternatives.AsSpan().SequenceEqual(other._alternatives);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ClerkSecurity);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var alternative in _alternatives)
        {
            hash.Add(alternative);
        }

        return hash.ToHashCode();
    }

    /// <summary>The alternatives, for example <c>OAuthClientCredentials or None</c>.</summary>
    public override string ToString() => _alternatives.Length == 0 ? "(no alternative)" : string.Join(" or ", _alternatives);
}
