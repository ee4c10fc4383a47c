using System.Buffers;

namespace Clerk.Generated.Requests;

/// <summary>
/// One organization sync pattern as a sequence of parts, matched the way the regular expression path-to-regexp builds
/// from it would match (<c>^…[/#?]?$</c>, case-insensitive): a parameter takes the fewest characters that let the rest
/// match, a wildcard the most. Rather than backtracking, <see cref="Match"/> first works out, from the last part to the
/// first, which start positions let the remaining parts match (one pass over the path per part), then walks the parts
/// from the front along that table: time and memory proportional to path length × parts, whatever the patterns.
/// </summary>
internal sealed class PathPatternAlternative
{
    private readonly Part[] _parts;

    private PathPatternAlternative(Part[] parts) => _parts = parts;

    /// <summary>
    /// <c>:name</c> (ASCII letters, digits, underscore) is a parameter, <c>(.*)</c> a wildcard, anything else literal
    /// text, including a <c>:</c> that no name follows.
    /// </summary>
    public static PathPatternAlternative Parse(string pattern)
    {
        var parts = new List<Part>();
        var literalStart = 0;
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern[i] == ':' && i + 1 < pattern.Length && IsNameChar(pattern[i + 1]))
            {
                var nameStart = i + 1;
                var nameEnd = nameStart;
                while (nameEnd < pattern.Length && IsNameChar(pattern[nameEnd]))
                {
                    nameEnd++;
                }

                AddLiteral(parts, pattern, literalStart, i);
                parts.Add(new Part(PartKind.Parameter, pattern[nameStart..nameEnd]));
                i = literalStart = nameEnd;
            }
            else if (string.CompareOrdinal(pattern, i, "(.*)", 0, 4) == 0)
            {
                AddLiteral(parts, pattern, literalStart, i);
                parts.Add(new Part(PartKind.Wildcard, string.Empty));
                i = literalStart = i + 4;
            }
            else
            {
                i++;
            }
        }

        AddLiteral(parts, pattern, literalStart, pattern.Length);
        return new PathPatternAlternative([.. parts]);
    }

    /// <summary>The named parameters when <paramref name="path"/> matches (a name used twice keeps its last value); null otherwise.</summary>
    public Dictionary<string, string>? Match(string path)
    {
        var width = path.Length + 1;
        var table = ArrayPool<bool>.Shared.Rent(_parts.Length * width);
        try
        {
            var matches = new MatchTable(table, width, path, this);
            for (var k = _parts.Length - 1; k >= 0; k--)
            {
                FillRow(k, path, matches);
            }

            return matches.RestMatches(0, 0) ? Captures(path, matches) : null;
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(table);
        }
    }

    /// <summary>For every start position p, whether parts <paramref name="k"/> onwards match the path from p to its end.</summary>
    private void FillRow(int k, string path, MatchTable matches)
    {
        var row = matches.Row(k);
        var part = _parts[k];
        switch (part.Kind)
        {
            case PartKind.Literal:
                for (var p = 0; p < row.Length; p++)
                {
                    var end = p + part.Text.Length;
                    // The table lookup first: it is constant time, the comparison is not.
                    row[p] = end <= path.Length && matches.RestMatches(k + 1, end) && EqualsIgnoreCase(path.AsSpan(p, part.Text.Length), part.Text);
                }

                break;

            case PartKind.Parameter:
                // One or more characters other than / # ?. Scanning backwards, `stop` is the first of those delimiters at or
                // after p and `shortest` the first position after p where the rest matches.
                var stop = path.Length;
                var shortest = int.MaxValue;
                row[path.Length] = false;
                for (var p = path.Length - 1; p >= 0; p--)
                {
                    if (matches.RestMatches(k + 1, p + 1))
                    {
                        shortest = p + 1;
                    }

                    if (IsDelimiter(path[p]))
                    {
                        stop = p;
                    }

                    row[p] = shortest <= stop;
                }

                break;

            case PartKind.Wildcard:
                // Any characters but a line feed (the regex's `.`): some position before the next line feed where the rest matches.
                var found = false;
                for (var p = path.Length; p >= 0; p--)
                {
                    if (p < path.Length && path[p] == '\n')
                    {
                        found = false;
                    }

                    found = found || matches.RestMatches(k + 1, p);
                    row[p] = found;
                }

                break;
        }
    }

    /// <summary>
    /// Walks the parts from the front, each ending where the regex engine would settle: a parameter at the nearest end
    /// that lets the rest match (lazy), a wildcard at the farthest (greedy).
    /// </summary>
    private Dictionary<string, string> Captures(string path, MatchTable matches)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = 0;
        for (var k = 0; k < _parts.Length; k++)
        {
            var part = _parts[k];
            int end;
            switch (part.Kind)
            {
                case PartKind.Literal:
                    end = position + part.Text.Length;
                    break;
                case PartKind.Parameter:
                    end = position + 1;
                    while (!matches.RestMatches(k + 1, end))
                    {
                        end++;
                    }

                    values[part.Text] = path[position..end];
                    break;
                default:
                    end = path.IndexOf('\n', position) is var lineFeed and >= 0 ? lineFeed : path.Length;
                    while (!matches.RestMatches(k + 1, end))
                    {
                        end--;
                    }

                    break;
            }

            position = end;
        }

        return values;
    }

    /// <summary>What may follow the last part: nothing, or one of / # ?, each optionally before a final line feed (the regex's <c>[/#?]?$</c>).</summary>
    private static bool IsAcceptedTail(string path, int position)
    {
        var tail = path.AsSpan(position);
        if (tail.Length > 0 && IsDelimiter(tail[0]))
        {
            tail = tail[1..];
        }

        return tail.IsEmpty || tail is "\n";
    }

    private static bool EqualsIgnoreCase(ReadOnlySpan<char> text, string literal)
    {
        for (var i = 0; i < literal.Length; i++)
        {
            // The regex engine's invariant case equivalence: characters with the same lower case (K, k and the Kelvin sign
            // match; the long s does not match s).
            if (text[i] != literal[i] && char.ToLowerInvariant(text[i]) != char.ToLowerInvariant(literal[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void AddLiteral(List<Part> parts, string pattern, int start, int end)
    {
        if (end > start)
        {
            parts.Add(new Part(PartKind.Literal, pattern[start..end]));
        }
    }

    private static bool IsDelimiter(char c) => c is '/' or '#' or '?';

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private enum PartKind
    {
        Literal,
        Parameter,
        Wildcard,
    }

    private readonly record struct Part(PartKind Kind, string Text);

    /// <summary>Row k, position p: whether parts k onwards match the path from p to its end; past the last part, the accepted tail.</summary>
    private readonly struct MatchTable(bool[] table, int width, string path, PathPatternAlternative owner)
    {
        public Span<bool> Row(int k) => table.AsSpan(k * width, width);

        public bool RestMatches(int k, int position) => k == owner._parts.Length ? IsAcceptedTail(path, position) : table[k * width + position];
    }
}
