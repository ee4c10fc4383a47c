using System.Text;
using System.Text.RegularExpressions;

namespace Clerk.Generated.Requests;

/// <summary>
/// The subset of path-to-regexp that organization sync patterns use: literal text, <c>:name</c> parameters (one
/// segment) and <c>(.*)</c> wildcards; several patterns are alternatives. Matches whole paths, case-insensitively,
/// with an optional trailing slash.
/// </summary>
internal sealed class PathPattern
{
    private readonly Regex _regex;

    private PathPattern(Regex regex) => _regex = regex;

    public static PathPattern? Create(IEnumerable<string>? patterns)
    {
        var list = patterns?.Where(p => !string.IsNullOrEmpty(p)).ToList();
        if (list is null || list.Count == 0)
        {
            return null;
        }

        var alternatives = list.Select(ToRegex);
        var regex = new Regex("^(?:" + string.Join("|", alternatives) + ")[/#?]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        return new PathPattern(regex);
    }

    /// <summary>The named parameters when <paramref name="path"/> matches; null otherwise.</summary>
    public Dictionary<string, string>? Match(string path)
    {
        var match = _regex.Match(path);
        if (!match.Success)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Group group in match.Groups)
        {
            if (group.Success && !int.TryParse(group.Name, out _))
            {
                values.TryAdd(group.Name, group.Value);
            }
        }

        return values;
    }

    private static string ToRegex(string pattern)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == ':' && i + 1 < pattern.Length && IsNameChar(pattern[i + 1]))
            {
                var start = ++i;
                while (i < pattern.Length && IsNameChar(pattern[i]))
                {
                    i++;
                }

                builder.Append("(?<").Append(pattern[start..i]).Append(">[^/#?]+?)");
                i--;
            }
            else if (string.CompareOrdinal(pattern, i, "(.*)", 0, 4) == 0)
            {
                builder.Append("(?:.*)");
                i += 3;
            }
            else
            {
                builder.Append(Regex.Escape(pattern[i].ToString()));
            }
        }

        return builder.ToString();
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
