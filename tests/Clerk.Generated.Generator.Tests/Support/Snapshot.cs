using System.Text;

namespace Clerk.Generated.Generator.Tests.Support;

/// <summary>
/// Golden files: generated text is compared with <c>Snapshots/&lt;name&gt;/&lt;file&gt;</c> in the source tree.
/// <c>UPDATE_SNAPSHOTS=1</c> rewrites them (and removes files no longer generated); under <c>CI=true</c> an update is
/// refused, so CI can only ever check what was committed.
/// </summary>
internal static class Snapshot
{
    public static bool UpdateRequested => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") is "1" or "true";

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks one folder of files: the set of names and every file's text must match.</summary>
    public static void Match(string name, IEnumerable<(string FileName, string Text)> files) =>
        Match(RepositoryPaths.SnapshotsDir, name, files, UpdateRequested, IsCi);

    /// <summary>The same, with the root folder and the environment given explicitly (for the helper's own tests).</summary>
    internal static void Match(string root, string name, IEnumerable<(string FileName, string Text)> files, bool update, bool ci)
    {
        var directory = Path.Combine(root, name);
        var actual = files.ToDictionary(f => f.FileName, f => Normalize(f.Text), StringComparer.Ordinal);
        var expectedNames = Directory.Exists(directory)
            ? Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

        if (update)
        {
            Update(directory, actual, expectedNames, ci);
            return;
        }

        var problems = new StringBuilder();
        foreach (var missing in actual.Keys.Where(k => !expectedNames.Contains(k)).Order(StringComparer.Ordinal))
        {
            problems.AppendLine($"+ {name}/{missing}: generated, but there is no snapshot of it.");
        }

        foreach (var stale in expectedNames.Where(k => !actual.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            problems.AppendLine($"- {name}/{stale}: in the snapshots, but no longer generated.");
        }

        foreach (var (fileName, text) in actual.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!expectedNames.Contains(fileName))
            {
                continue;
            }

            var expected = Normalize(File.ReadAllText(Path.Combine(directory, fileName)));
            if (!string.Equals(expected, text, StringComparison.Ordinal))
            {
                problems.AppendLine($"~ {name}/{fileName} differs (- snapshot, + generated):");
                problems.AppendLine(TextDiff.Unified(expected, text));
            }
        }

        if (problems.Length > 0)
        {
            Assert.Fail($"Snapshot '{name}' does not match. If the change is intended, run the tests with UPDATE_SNAPSHOTS=1 and commit the result.{Environment.NewLine}{problems}");
        }
    }

    /// <summary>Checks one file.</summary>
    public static void MatchFile(string name, string fileName, string text) => Match(name, new[] { (fileName, text) });

    private static void Update(string directory, IReadOnlyDictionary<string, string> actual, HashSet<string> existing, bool ci)
    {
        if (ci)
        {
            Assert.Fail("UPDATE_SNAPSHOTS is refused when CI=true: snapshots are updated on a developer machine and committed.");
        }

        Directory.CreateDirectory(directory);
        foreach (var stale in existing.Where(e => !actual.ContainsKey(e)))
        {
            File.Delete(Path.Combine(directory, stale));
        }

        foreach (var (fileName, text) in actual)
        {
            var path = Path.Combine(directory, fileName);
            if (!File.Exists(path) || Normalize(File.ReadAllText(path)) != text)
            {
                File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
        }
    }

    /// <summary>Line endings are not part of what a snapshot says (a checkout may convert them).</summary>
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
