using Clerk.Generated.Tests.Shared;

namespace Clerk.Generated.Packaging.Tests;

/// <summary>
/// What a new user has after <c>git clone</c>: the repository's files and nothing built. Copies every file git tracks
/// or would track (so uncommitted work is tested too, while bin/, obj/ and artifacts/ are left behind) into
/// <c>&lt;work&gt;/Clerk.Generated</c>, and links the read-only <c>shared</c> folder beside it as it sits beside the
/// repository.
/// </summary>
internal static class FreshClone
{
    public static async Task<string> CreateAsync(string workDirectory)
    {
        var files = await ChildProcess.RunAsync(
            "git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], RepositoryPaths.RepoRoot, TimeSpan.FromMinutes(1));
        Assert.That(files.ExitCode, Is.Zero, "git ls-files failed:\n" + files.Output);

        var clone = Path.Combine(workDirectory, "Clerk.Generated");
        foreach (var relative in files.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var source = Path.Combine(RepositoryPaths.RepoRoot, relative);
            if (!File.Exists(source))
            {
                continue; // deleted in the working tree, not yet committed
            }

            var target = Path.Combine(clone, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        Directory.CreateSymbolicLink(Path.Combine(workDirectory, "shared"), RepositoryPaths.SharedDir.TrimEnd('/'));
        return clone;
    }
}
