using System.Text.RegularExpressions;

namespace Clerk.Generated.Packaging.Tests;

/// <summary>
/// The pack and build commands README.md and docs/ give, as written there. The tests run each of them verbatim (the
/// pack in a fresh clone, the build in the fresh consumer), and a test checks this list against the documents so a
/// command cannot be documented without being run.
/// </summary>
internal static partial class DocumentedCommands
{
    /// <summary>docs/packaging.md: packs the four packages, run at the root of a fresh clone.</summary>
    public const string Pack = "dotnet pack -c Release -o artifacts/packages";

    /// <summary>Where <see cref="Pack"/> puts the packages, relative to the repository root.</summary>
    public const string PackOutput = "artifacts/packages";

    /// <summary>docs/performance.md: the per-build generator timing, run in the consumer's spec project.</summary>
    public const string GeneratorTiming = "dotnet build -p:ReportAnalyzer=true -v:d";

    public static IReadOnlyList<string> All { get; } = [Pack, GeneratorTiming];

    /// <summary>Every <c>dotnet pack</c> / <c>dotnet build</c> / <c>dotnet publish</c> command line (with arguments) in the documentation.</summary>
    public static IEnumerable<(string File, string Command)> InDocumentation() =>
        from file in RepositoryPaths.Documentation
        from match in CommandPattern().Matches(File.ReadAllText(file))
        select (Path.GetFileName(file), match.Groups["command"].Value.Trim());

    // Inline code (`dotnet pack ...`) or a line of a code block starting with the command.
    [GeneratedRegex(@"(?:`|^)(?<command>dotnet (?:pack|build|publish) [^`\n#]+)", RegexOptions.Multiline)]
    private static partial Regex CommandPattern();
}
