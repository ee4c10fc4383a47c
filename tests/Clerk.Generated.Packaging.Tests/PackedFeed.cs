using System.IO.Compression;
using Clerk.Generated.Tests.Shared;

namespace Clerk.Generated.Packaging.Tests;

/// <summary>
/// Runs the documented pack command, verbatim, at the root of a fresh clone, once per test run; its output folder is
/// the feed every test reads and the consumer restores from. The version is unique to the run
/// (<c>0.1.0-test.&lt;timestamp&gt;.&lt;pid&gt;</c>, given through the <c>Version</c> environment variable, which
/// the build reads like any property) so a package cached by an earlier run can never stand in for this one; the
/// extracted copies are removed from the NuGet cache afterwards.
/// </summary>
[SetUpFixture]
public sealed class PackedFeed
{
    /// <summary>The packages users install; <c>dotnet pack</c> at the root must produce these and nothing else.</summary>
    public static readonly string[] PackageIds = ["Clerk.Generated", "Clerk.Generated.AspNetCore", "Clerk.Generated.Testing", "Clerk.Generated.Redis"];

    private static PackedFeed? current;

    public static PackedFeed Current => current ?? throw new InvalidOperationException("The packages were not packed.");

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "clerk-packaging-" + Guid.NewGuid().ToString("N"));

    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public string CloneDirectory { get; private set; } = "";

    public string FeedDirectory => Path.Combine(CloneDirectory, DocumentedCommands.PackOutput);

    public string PackOutput { get; private set; } = "";

    [OneTimeSetUp]
    public async Task PackAsync()
    {
        Directory.CreateDirectory(WorkDirectory);
        CloneDirectory = await FreshClone.CreateAsync(WorkDirectory);
        var result = await ChildProcess.ShellAsync(
            CloneDirectory, TimeSpan.FromMinutes(8), DocumentedCommands.Pack, new Dictionary<string, string> { ["Version"] = Version });
        Assert.That(result.ExitCode, Is.Zero, $"`{DocumentedCommands.Pack}` failed in a fresh clone:\n{result.Output}");
        PackOutput = result.Output;
        current = this;
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        TryDelete(WorkDirectory);
        // The consumer's restore extracted this one-off version into the global packages folder.
        foreach (var id in PackageIds)
        {
            TryDelete(Path.Combine(GlobalPackagesFolder(), id.ToLowerInvariant(), Version.ToLowerInvariant()));
        }
    }

    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(FeedDirectory, $"{id}.{Version}.{extension}");

    /// <summary>Opens a packed .nupkg (or .snupkg); the caller disposes it.</summary>
    public ZipArchive Open(string id, string extension = "nupkg") => ZipFile.OpenRead(PackagePath(id, extension));

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
