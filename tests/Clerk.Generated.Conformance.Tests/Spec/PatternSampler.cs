using System.Text;
using System.Text.RegularExpressions;

namespace Clerk.Generated.Conformance.Tests.Spec;

/// <summary>
/// Produces one string matching a regular expression of the simple kind the Clerk spec uses
/// (anchors, groups with alternation, character classes, <c>\w</c>/<c>\S</c>/<c>.</c>, counted quantifiers).
/// Each alternation takes its first branch, each class its first allowed character, <c>*</c>/<c>+</c>/<c>?</c> one
/// occurrence. The result is checked with <see cref="Regex"/>; <see langword="null"/> when the pattern is beyond it.
/// </summary>
public static class PatternSampler
{
    public static string? Sample(string pattern)
    {
        var position = 0;
        string text;
        try
        {
            text = Alternation(pattern, ref position);
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentOutOfRangeException or FormatException)
        {
            return null;
        }

        return Regex.IsMatch(text, pattern) ? text : null;
    }

    private static string Alternation(string p, ref int i)
    {
        var first = Sequence(p, ref i);
        while (i < p.Length && p[i] == '|')
        {
            i++;
            Sequence(p, ref i); // later branches are parsed and dropped
        }

        return first;
    }

    private static string Sequence(string p, ref int i)
    {
        var builder = new StringBuilder();
        while (i < p.Length && p[i] != '|' && p[i] != ')')
        {
            var atom = Atom(p, ref i);
            var (min, max) = Quantifier(p, ref i);
            var count = Math.Max(min, Math.Min(1, max));
            for (var n = 0; n < count; n++)
            {
                builder.Append(atom);
            }
        }

        return builder.ToString();
    }

    private static string Atom(string p, ref int i)
    {
        var c = p[i++];
        switch (c)
        {
            case '^':
            case '$':
                return string.Empty;
            case '(':
                if (p[i] == '?' && p[i + 1] == ':')
                {
                    i += 2;
                }

                var inner = Alternation(p, ref i);
                i++; // ')'
                return inner;
            case '[':
                return Class(p, ref i).ToString();
            case '.':
                return "a";
            case '\\':
                var e = p[i++];
                return e switch
                {
                    'w' or 'S' => "a",
                    'd' => "0",
                    's' => " ",
                    _ => e.ToString(),
                };
            default:
                return c.ToString();
        }
    }

    private static char Class(string p, ref int i)
    {
        var negated = p[i] == '^';
        if (negated)
        {
            i++;
        }

        var ranges = new List<(char From, char To)>();
        while (p[i] != ']')
        {
            var from = p[i] == '\\' ? p[++i] : p[i];
            i++;
            var to = from;
            if (p[i] == '-' && p[i + 1] != ']')
            {
                to = p[i + 1] == '\\' ? p[i + 2] : p[i + 1];
                i += p[i + 1] == '\\' ? 3 : 2;
            }

            ranges.Add((from, to));
        }

        i++; // ']'
        if (!negated)
        {
            return ranges[0].From;
        }

        foreach (var candidate in "aA0b")
        {
            if (!ranges.Any(r => candidate >= r.From && candidate <= r.To))
            {
                return candidate;
            }
        }

        throw new FormatException("no character outside the negated class");
    }

    private static (int Min, int Max) Quantifier(string p, ref int i)
    {
        if (i >= p.Length)
        {
            return (1, 1);
        }

        switch (p[i])
        {
            case '*':
                i++;
                return (0, int.MaxValue);
            case '+':
                i++;
                return (1, int.MaxValue);
            case '?':
                i++;
                return (0, 1);
            case '{':
                var close = p.IndexOf('}', i);
                var parts = p[(i + 1)..close].Split(',');
                i = close + 1;
                var min = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
                var max = parts.Length == 1 ? min : parts[1].Length == 0 ? int.MaxValue : int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                return (min, max);
            default:
                return (1, 1);
        }
    }
}
