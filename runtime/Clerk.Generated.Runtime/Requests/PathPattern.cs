namespace Clerk.Generated.Requests;

/// <summary>
/// The subset of path-to-regexp that organization sync patterns use: literal text, <c>:name</c> parameters (one
/// segment) and <c>(.*)</c> wildcards; several patterns are alternatives, tried in order. Matches whole paths,
/// case-insensitively, with an optional trailing <c>/</c>, <c>#</c> or <c>?</c>. Hand-written rather than a
/// <see cref="System.Text.RegularExpressions.Regex"/> so that applications do not carry the regex engine, and so that a
/// match takes time linear in the path whatever the patterns (no backtracking).
/// </summary>
internal sealed class PathPattern
{
    private readonly PathPatternAlternative[] _alternatives;

    private PathPattern(PathPatternAlternative[] alternatives) => _alternatives = alternatives;

    public static PathPattern? Create(IEnumerable<string>? patterns)
    {
        var alternatives = patterns?.Where(p => !string.IsNullOrEmpty(p)).Select(PathPatternAlternative.Parse).ToArray();
        return alternatives is null || alternatives.Length == 0 ? null : new PathPattern(alternatives);
    }

    /// <summary>
    /// The named parameters of the first pattern that matches <paramref name="path"/> (a name used twice keeps its
    /// last value); null when none matches.
    /// </summary>
    public Dictionary<string, string>? Match(string path)
    {
        foreach (var alternative in _alternatives)
        {
            if (alternative.Match(path) is { } values)
            {
                return values;
            }
        }

        return null;
    }
}
