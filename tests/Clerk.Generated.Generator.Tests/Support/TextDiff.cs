using System.Text;

namespace Clerk.Generated.Generator.Tests.Support;

/// <summary>
/// A small line diff for readable snapshot failures: common head and tail are cut away, the middle is diffed by
/// longest common subsequence (bounded, so a huge change prints the changed block instead of hanging), and only
/// changed lines with a little context are printed.
/// </summary>
internal static class TextDiff
{
    private const int Context = 3;
    private const int MaxCells = 4_000_000;
    private const int MaxPrintedLines = 200;

    public static string Unified(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var head = 0;
        while (head < left.Length && head < right.Length && left[head] == right[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < left.Length - head && tail < right.Length - head && left[^(tail + 1)] == right[^(tail + 1)])
        {
            tail++;
        }

        var a = left[head..^tail];
        var b = right[head..^tail];
        var edits = (long)a.Length * b.Length <= MaxCells ? Lcs(a, b) : Replace(a, b);

        var output = new StringBuilder();
        var printed = 0;
        for (var i = Math.Max(0, head - Context); i < head; i++)
        {
            output.Append("  ").Append(i + 1).Append(": ").AppendLine(left[i]);
        }

        foreach (var (kind, line, number) in edits)
        {
            if (kind == ' ')
            {
                continue;
            }

            if (++printed > MaxPrintedLines)
            {
                output.AppendLine($"  … {edits.Count(e => e.Kind != ' ') - MaxPrintedLines} more changed lines");
                break;
            }

            output.Append(kind).Append(' ').Append(number + head + 1).Append(": ").AppendLine(line);
        }

        for (var i = left.Length - tail; i < Math.Min(left.Length, left.Length - tail + Context); i++)
        {
            output.Append("  ").Append(i + 1).Append(": ").AppendLine(left[i]);
        }

        return output.ToString();
    }

    private static List<(char Kind, string Line, int Number)> Replace(string[] a, string[] b) =>
        a.Select((l, i) => ('-', l, i)).Concat(b.Select((l, i) => ('+', l, i))).ToList();

    private static List<(char Kind, string Line, int Number)> Lcs(string[] a, string[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                table[i, j] = a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
            }
        }

        var edits = new List<(char, string, int)>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                edits.Add((' ', a[x], x));
                x++;
                y++;
            }
            else if (table[x + 1, y] >= table[x, y + 1])
            {
                edits.Add(('-', a[x], x));
                x++;
            }
            else
            {
                edits.Add(('+', b[y], y));
                y++;
            }
        }

        edits.AddRange(a[x..].Select((l, i) => ('-', l, x + i)));
        edits.AddRange(b[y..].Select((l, i) => ('+', l, y + i)));
        return edits;
    }
}
