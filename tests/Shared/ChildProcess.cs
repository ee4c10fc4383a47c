using System.Diagnostics;
using System.Text;

namespace Clerk.Generated.Tests.Shared;

/// <summary>The outcome of one child process: exit code and interleaved output, for assertion messages.</summary>
internal sealed record ProcessResult(int ExitCode, string Output);

/// <summary>
/// Runs a child process (<c>dotnet</c>, <c>git</c>, a shell, a published binary) with a hard time limit. The child
/// gets a clean environment: the MSBuild variables <c>dotnet test</c> sets for its own host would otherwise leak into
/// the nested build, and node reuse and the compiler server are off so no long-lived process outlives the test
/// holding our output pipes.
/// </summary>
internal static class ChildProcess
{
    /// <summary>Runs <c>dotnet</c> with the given arguments.</summary>
    public static Task<ProcessResult> DotnetAsync(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunAsync("dotnet", arguments, workingDirectory, timeout);

    /// <summary>Runs a command line exactly as a user would type it, through <c>/bin/sh -c</c>.</summary>
    public static Task<ProcessResult> ShellAsync(
        string workingDirectory, TimeSpan timeout, string commandLine, IReadOnlyDictionary<string, string>? environment = null) =>
        RunAsync("/bin/sh", ["-c", commandLine], workingDirectory, timeout, environment);

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(fileName, arguments, workingDirectory, environment, out var output);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.\n{Snapshot(output)}");
        }

        return new ProcessResult(process.ExitCode, Snapshot(output));
    }

    /// <summary>Starts a long-running child (a server); the caller stops it with <see cref="Process.Kill(bool)"/>.</summary>
    public static Process Start(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        out StringBuilder output)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var captured = new StringBuilder();
        output = captured;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(captured, e.Data);
        process.ErrorDataReceived += (_, e) => Append(captured, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
