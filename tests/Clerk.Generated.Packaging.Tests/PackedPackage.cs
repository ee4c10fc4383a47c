using System.IO.Compression;

namespace Clerk.Generated.Packaging.Tests;

/// <summary>
/// Packs Clerk.Generated once per test run into a temporary folder feed. The version is unique to the run
/// (<c>0.1.0-test.&lt;timestamp&gt;.&lt;pid&gt;</c>) so a package cached by an earlier run can never stand in for
/// this one; its extracted copy is removed from the NuGet cache afterwards. The pack builds into its own artifacts
/// folder so it never rewrites the outputs other test projects run from.
/// </summary>
[SetUpFixture]
public sealed class PackedPackage
{
    private static PackedPackage? current;

    public static PackedPackage Current => current ?? throw new InvalidOperationException("The package was not packed.");

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "clerk-packaging-" + Guid.NewGuid().ToString("N"));

    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public string FeedDirectory => Path.Combine(WorkDirectory, "feed");

    public string PackagePath => Path.Combine(FeedDirectory, $"Clerk.Generated.{Version}.nupkg");

    [OneTimeSetUp]
    public async Task PackAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        var result = await DotnetCli.RunAsync(
            RepositoryPaths.RepoRoot,
            TimeSpan.FromMinutes(6),
            "pack", RepositoryPaths.PackagingProject,
            "-c", "Release",
            "-o", FeedDirectory,
            "--artifacts-path", Path.Combine(WorkDirectory, "artifacts"),
            $"-p:Version={Version}",
            "-p:UseSharedCompilation=false",
            "-nologo");
        Assert.That(result.ExitCode, Is.Zero, "dotnet pack failed:\n" + result.Output);
        Assert.That(File.Exists(PackagePath), Is.True, $"dotnet pack did not produce {PackagePath}:\n{result.Output}");
        current = this;
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        TryDelete(WorkDirectory);
        // The consumer's restore extracted this one-off version into the global packages folder.
        TryDelete(Path.Combine(GlobalPackagesFolder(), "clerk.generated", Version.ToLowerInvariant()));
    }

    /// <summary>Opens the packed .nupkg (the caller disposes it).</summary>
    public ZipArchive Open() => ZipFile.OpenRead(PackagePath);

    public static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not turn a passing run into a failure.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
