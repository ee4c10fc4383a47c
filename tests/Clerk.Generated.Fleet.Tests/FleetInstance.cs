using System.Collections.Concurrent;
using System.Diagnostics;
using Clerk.Generated.Tests.Shared;

namespace Clerk.Generated.Fleet.Tests;

/// <summary>One process of Clerk.Generated.Fleet.Service (<c>dotnet Clerk.Generated.Fleet.Service.dll</c>) on a loopback port.</summary>
internal sealed class FleetInstance : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public FleetInstance(string dll, string redis, Uri backend, string secretKey, string webhookSecret)
    {
        Port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", $"http://127.0.0.1:{Port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["FLEET_REDIS"] = redis,
                ["FLEET_INSTANCE"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["FLEET_BACKEND"] = backend.AbsoluteUri,
                ["CLERK_SECRET_KEY"] = secretKey,
                ["CLERK_WEBHOOK_SIGNING_SECRET"] = webhookSecret,
                ["DOTNET_gcServer"] = "0",
            },
        };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Url = new Uri($"http://127.0.0.1:{Port}/");
    }

    public int Port { get; }

    public Uri Url { get; }

    /// <summary>What the process wrote (the last lines), for assertions on its logs and for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    public void WaitUntilListening()
    {
        try
        {
            RedisServer.WaitUntilListening(Port, TimeSpan.FromSeconds(60));
        }
        catch (System.Net.Sockets.SocketException) when (_process.HasExited)
        {
            throw new InvalidOperationException($"The instance exited with {_process.ExitCode}:\n{Output}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }
}
