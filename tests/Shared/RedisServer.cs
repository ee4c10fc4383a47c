using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Clerk.Generated.Tests.Shared;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, without persistence; stopped and restarted on demand. Shared by
/// the test projects that need Redis (build/test.sh installs it when missing).
/// </summary>
internal sealed class RedisServer : IDisposable
{
    private Process? _process;

    public RedisServer() => Port = FreePort.Next();

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public void Start()
    {
        var path = FindOnPath("redis-server")
                   ?? throw new InvalidOperationException("redis-server is not installed (build/test.sh installs it: apt-get install -y redis-server).");
        _process = Process.Start(new ProcessStartInfo(path)
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening(Port, TimeSpan.FromSeconds(10));
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();

    internal static void WaitUntilListening(int port, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
        .Append("/usr/bin").Append("/usr/sbin")
        .Select(dir => Path.Combine(dir, name))
        .FirstOrDefault(File.Exists);
}

internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
