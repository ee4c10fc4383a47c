using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Clerk.Generated.Conformance.Tests.Prism;

/// <summary>
/// One <c>prism mock</c> process serving the Clerk spec on a free loopback port. Prism serves the spec's paths at
/// the root: the server URL's <c>/v1</c> base path is not part of its routes (see <see cref="PrismHandler"/>).
/// </summary>
public sealed class PrismServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private PrismServer(Process process, StringBuilder output, Uri baseAddress, bool dynamic)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        Dynamic = dynamic;
    }

    public Uri BaseAddress { get; }

    public bool Dynamic { get; }

    /// <summary>Starts Prism and waits (bounded) until it listens; retries once on a port taken in between.</summary>
    public static async Task<PrismServer> StartAsync(string specPath, bool dynamic, CancellationToken cancellationToken = default)
    {
        try
        {
            return await StartOnceAsync(specPath, dynamic, cancellationToken);
        }
        catch (PrismStartException ex) when (ex.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
        {
            return await StartOnceAsync(specPath, dynamic, cancellationToken);
        }
    }

    private static async Task<PrismServer> StartOnceAsync(string specPath, bool dynamic, CancellationToken cancellationToken)
    {
        var prism = Path.Combine(RepositoryPaths.PeersDir, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
        if (!File.Exists(prism))
        {
            throw new PrismStartException($"Prism is not installed at {prism}: run `npm ci --prefix tests/peers` (build/test.sh does).");
        }

        if (!File.Exists(specPath))
        {
            throw new PrismStartException($"The spec is missing at {specPath}.");
        }

        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.PeersDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { prism, "mock", specPath, "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (dynamic)
        {
            start.ArgumentList.Add("--dynamic");
            start.ArgumentList.Add("--seed");
            start.ArgumentList.Add("clerk-generated");
        }

        var output = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                // Keep the start-up log and the tail only: Prism logs every request.
                if (output.Length < 200_000)
                {
                    output.AppendLine(e.Data);
                }
            }

            if (e.Data.Contains("Prism is listening", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Exited += (_, _) => listening.TrySetException(new PrismStartException("Prism exited before listening:\n" + Tail(output)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new PrismServer(process, output, new Uri($"http://127.0.0.1:{port}"), dynamic);
        try
        {
            await listening.Task.WaitAsync(StartTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            await server.DisposeAsync();
            throw new PrismStartException($"Prism did not listen within {StartTimeout.TotalSeconds} s:\n" + Tail(output));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public string Log()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length > 4000 ? text[^4000..] : text;
        }
    }
}

public sealed class PrismStartException(string message) : Exception(message);
