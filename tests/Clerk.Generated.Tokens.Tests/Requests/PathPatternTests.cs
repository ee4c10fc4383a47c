using System.Text;
using System.Text.RegularExpressions;
using Clerk.Generated.Requests;

namespace Clerk.Generated.Tokens.Tests.Requests;

/// <summary>
/// The organization sync matcher: the documented patterns, a differential against the regular expression path-to-regexp
/// builds from the same patterns (grammar-generated patterns and paths), and hostile inputs that make a backtracking
/// engine explode.
/// </summary>
public sealed class PathPatternTests
{
    [TestCase("/orgs/acme", "acme")]
    [TestCase("/orgs/acme/", "acme")]
    [TestCase("/ORGS/Acme", "Acme")]
    [TestCase("/orgs/acme/settings/billing", "acme")]
    [TestCase("/orgs/acme/settings?tab=1", "acme")]
    public void Slug_patterns_capture_one_segment(string path, string slug)
    {
        var pattern = PathPattern.Create(["/orgs/:slug", "/orgs/:slug/(.*)"])!;
        Assert.That(pattern.Match(path), Is.EqualTo(new Dictionary<string, string> { ["slug"] = slug }));
    }

    [TestCase("/orgs")]
    [TestCase("/orgs/")]
    [TestCase("/orgs//x")]
    [TestCase("/orgsx/acme")]
    [TestCase("/prefix/orgs/acme")]
    [TestCase("")]
    public void Paths_outside_the_patterns_do_not_match(string path) =>
        Assert.That(PathPattern.Create(["/orgs/:slug", "/orgs/:slug/(.*)"])!.Match(path), Is.Null);

    [Test]
    public void The_first_matching_pattern_gives_the_parameters_and_a_repeated_name_keeps_its_last_value()
    {
        var pattern = PathPattern.Create(["/a/:id/:id", "/a/:slug/(.*)"])!;
        Assert.Multiple(() =>
        {
            Assert.That(pattern.Match("/a/1/2"), Is.EqualTo(new Dictionary<string, string> { ["id"] = "2" }));
            Assert.That(pattern.Match("/a/1/2/3"), Is.EqualTo(new Dictionary<string, string> { ["slug"] = "1" }));
        });
    }

    [Test]
    public void A_colon_without_a_name_and_other_regex_characters_are_literal()
    {
        var pattern = PathPattern.Create(["/a:/b.c/[x]+(y)"])!;
        Assert.Multiple(() =>
        {
            Assert.That(pattern.Match("/a:/b.c/[x]+(y)"), Is.Empty);
            Assert.That(pattern.Match("/a:/bxc/[x]+(y)"), Is.Null);
        });
    }

    [Test]
    public void No_patterns_give_no_matcher() => Assert.Multiple(() =>
    {
        Assert.That(PathPattern.Create(null), Is.Null);
        Assert.That(PathPattern.Create([]), Is.Null);
        Assert.That(PathPattern.Create(["", ""]), Is.Null);
    });

    [Test]
    public void Matches_exactly_as_the_path_to_regexp_regular_expression_on_generated_patterns_and_paths()
    {
        var random = new Random(20261202);
        var mismatches = new List<string>();
        var matched = 0;
        for (var round = 0; round < 3000 && mismatches.Count < 5; round++)
        {
            var patterns = Enumerable.Range(0, random.Next(1, 4)).Select(_ => GeneratePattern(random)).ToArray();
            var expected = ReferenceRegex(patterns);
            var actual = PathPattern.Create(patterns)!;
            for (var i = 0; i < 20; i++)
            {
                var path = GeneratePath(random, patterns);
                var want = ReferenceMatch(expected, path);
                var got = actual.Match(path);
                matched += want is null ? 0 : 1;
                if (!Equivalent(want, got))
                {
                    mismatches.Add($"patterns [{string.Join(", ", patterns)}], path {path}: want {Show(want)}, got {Show(got)}");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(mismatches, Is.Empty);
            Assert.That(matched, Is.GreaterThan(3000 * 20 / 10), "the generated paths match often enough to compare captures");
        });
    }

    [Test]
    public void Hostile_paths_and_patterns_that_make_the_regex_engine_backtrack_match_in_linear_time()
    {
        // Five wildcards before a letter the path never has: a backtracking engine tries every split (n^5 of them).
        string[] patterns = ["(.*)a(.*)a(.*)a(.*)a(.*)b", "/:x:y:z/(.*)(.*)(.*)c", "/x/:p"];
        var path = "/" + new string('a', 200_000);
        Assert.That(
            () => ReferenceRegex(patterns).Match(path.Substring(0, 5_000)),
            Throws.TypeOf<RegexMatchTimeoutException>(),
            "the input is hostile for a backtracking engine");

        var pattern = PathPattern.Create(patterns)!;
        Assert.Multiple(() =>
        {
            Assert.That(pattern.Match(path), Is.Null);
            Assert.That(pattern.Match(path + "b"), Is.Empty);
            Assert.That(pattern.Match("/" + new string('a', 100_000) + "/q" + new string('q', 100_000) + "c"), Is.EqualTo(
                new Dictionary<string, string> { ["x"] = "a", ["y"] = "a", ["z"] = new string('a', 99_998) }));
        });
    }

    [Test]
    public void Many_patterns_with_many_parameters_against_a_long_path_of_segments()
    {
        var patterns = Enumerable.Range(0, 50).Select(i => string.Concat(Enumerable.Repeat("/:p(.*)", 20)) + "/end" + i).ToArray();
        var path = string.Concat(Enumerable.Repeat("/seg", 10_000)) + "/end49";
        var values = PathPattern.Create(patterns)!.Match(path);
        // The wildcards are greedy, so the last parameter is left the shortest value that works: one character.
        Assert.That(values, Is.EqualTo(new Dictionary<string, string> { ["p"] = "s" }));
    }

    private static string GeneratePattern(Random random)
    {
        var builder = new StringBuilder();
        for (var i = random.Next(1, 7); i > 0; i--)
        {
            builder.Append(random.Next(8) switch
            {
                0 => ":" + Pick(random, ["id", "slug", "x", "a_1", "ID"]),
                1 => "(.*)",
                2 => ":",
                _ => Pick(random, ["/", "/orgs", "o", "A", "-", ".", "?", "#", "K", "\u212a", "s", "\u017f", "\u0130", "i", "\u00e9", "(", "*", "$", "\\"]),
            });
        }

        return builder.ToString();
    }

    /// <summary>Paths built from the patterns' own text, parameter-like segments, delimiters, line feeds and case variants, so most come close to matching.</summary>
    private static string GeneratePath(Random random, string[] patterns)
    {
        var builder = new StringBuilder();
        var source = Pick(random, patterns);
        foreach (var c in source.Replace("(.*)", "\u0001", StringComparison.Ordinal))
        {
            builder.Append(c switch
            {
                '\u0001' => Pick(random, ["", "x", "a/b", "/", "q?r", "\n", "z\nz"]),
                ':' when random.Next(2) == 0 => Pick(random, ["acme", "", "a/b", "1", "#", "\n"]),
                _ when random.Next(6) == 0 => Pick(random, [char.ToUpperInvariant(c).ToString(), char.ToLowerInvariant(c).ToString(), "k", "S", "I", "\u0131", "\u00c9"]),
                _ => c.ToString(),
            });
        }

        builder.Append(Pick(random, ["", "", "/", "#", "?", "\n", "/\n", "//", "/x"]));
        return builder.ToString();
    }

    private static T Pick<T>(Random random, T[] choices) => choices[random.Next(choices.Length)];

    /// <summary>What path-to-regexp builds (and what the runtime used before it carried its own matcher).</summary>
    private static Regex ReferenceRegex(IEnumerable<string> patterns) => new(
        "^(?:" + string.Join("|", patterns.Select(ToRegex)) + ")[/#?]?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(100));

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

    private static Dictionary<string, string>? ReferenceMatch(Regex regex, string path)
    {
        var match = regex.Match(path);
        return match.Success
            ? match.Groups.Cast<Group>().Where(g => g.Success && !int.TryParse(g.Name, out _)).ToDictionary(g => g.Name, g => g.Value)
            : null;
    }

    private static bool Equivalent(Dictionary<string, string>? want, Dictionary<string, string>? got) =>
        want is null ? got is null : got is not null && want.Count == got.Count && want.All(p => got.TryGetValue(p.Key, out var v) && v == p.Value);

    private static string Show(Dictionary<string, string>? values) =>
        values is null ? "no match" : "{" + string.Join(", ", values.Select(p => $"{p.Key}={p.Value}")) + "}";
}
