using System.Diagnostics;

namespace Clerk.Generated.Tokens.Tests;

/// <summary>Runs one of the Node peer scripts in tests/peers with a time bound, killing it (and its children) on overrun.</summary>
internal static class NodeScript
{
    public static async Task<string> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.PeersDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.PeersDir, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }
}
