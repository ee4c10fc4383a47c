using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Clerk.Generated.Testing;

// Usage: Clerk.Sample.Smoke <sample binary> <JwtBearer baseline binary> [requests] [connections] [starts]
// Starts the Native AOT sample with no configuration at all on a free loopback port, checks over real HTTP that a valid
// token gets 200, an invalid one 401 and a missing permission 403, then runs the same bounded load against GET /me of
// the sample, the sample with EnableTokenCache, the JwtBearer baseline and that baseline without authentication (the
// ceiling), alternated, and reports requests per second and the ratios. With [starts] > 0, also starts the sample
// and the baseline that many times each, alternated, and compares exec-to-first-answered-/health. Ends with a dotnet-test-style summary.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Clerk.Sample.Smoke <sample binary> <baseline binary> [requests] [connections]");
    return 2;
}

var requests = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
var connections = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 32;
var startups = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 0;
var checks = new List<(string Name, bool Passed, string Detail)>();
void Check(string name, bool passed, string detail)
{
    checks.Add((name, passed, detail));
    Console.WriteLine($"  [{(passed ? "pass" : "FAIL")}] {name}: {detail}");
}

var tokens = ClerkDevelopmentKey.CreateTokens();
string Mint(params string[] permissions) => tokens.Mint(ClerkDevelopmentKey.Descriptor() with
{
    Lifetime = TimeSpan.FromMinutes(10),
    Organization = new ClerkTestOrganization("org_smoke", "smoke", "member", permissions),
});
var reader = Mint("org:invoices:read");
var outsider = Mint();
var tampered = reader[..^6] + (reader[^6] == 'A' ? "BBBBBB" : "AAAAAA");

await using (var sample = await ServiceProcess.StartAsync("sample", args[0]))
{
    Check("sample starts with no configuration", sample.Ready, $"first answered request after {sample.TimeToFirstAnswer.TotalMilliseconds:0} ms");
    if (sample.Ready)
    {
        using var http = new HttpClient { BaseAddress = sample.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        async Task<HttpStatusCode> Status(string path, string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        async Task Expect(string name, string path, string? token, HttpStatusCode expected)
        {
            var status = await Status(path, token);
            Check(name, status == expected, $"GET {path} -> {(int)status}, expected {(int)expected}");
        }

        await Expect("valid token with the permission", "/org/invoices", reader, HttpStatusCode.OK);
        await Expect("tampered token", "/org/invoices", tampered, HttpStatusCode.Unauthorized);
        await Expect("no token", "/me", null, HttpStatusCode.Unauthorized);
        await Expect("valid token without the permission", "/org/invoices", outsider, HttpStatusCode.Forbidden);
        await Expect("valid token without the role", "/org/settings", reader, HttpStatusCode.Forbidden);
        await Expect("Backend API without a secret key", "/me/profile", reader, HttpStatusCode.ServiceUnavailable);

        // The sample prints its curl command a moment after it starts listening (minting stays off the start path).
        var printed = await sample.WaitForOutputAsync(new Regex("Authorization: Bearer ([A-Za-z0-9_\\-.]+)\" (\\S+)"), TimeSpan.FromSeconds(10));
        Check("printed curl command", printed.Success, printed.Success ? "found" : "no curl command in the output");
        if (printed.Success)
        {
            await Expect("printed token works", "/org/invoices", printed.Groups[1].Value, HttpStatusCode.OK);
        }
    }

    // The sample once more with the token cache on (Clerk:EnableTokenCache, bound from the environment).
    await using var cached = await ServiceProcess.StartAsync("sample-token-cache", args[0], ("Clerk__EnableTokenCache", "true"));
    Check("sample starts with EnableTokenCache", cached.Ready, $"first answered request after {cached.TimeToFirstAnswer.TotalMilliseconds:0} ms");
    await using var baseline = await ServiceProcess.StartAsync("jwtbearer", args[1]);
    Check("JwtBearer baseline starts", baseline.Ready, $"first answered request after {baseline.TimeToFirstAnswer.TotalMilliseconds:0} ms");
    // The ceiling: the baseline binary with no authentication at all (same host, configuration and response).
    await using var open = await ServiceProcess.StartAsync("no-authentication", args[1], ("Baseline__Authentication", "none"));
    Check("no-authentication ceiling starts", open.Ready, $"first answered request after {open.TimeToFirstAnswer.TotalMilliseconds:0} ms");
    if (sample.Ready && cached.Ready && baseline.Ready && open.Ready)
    {
        // The same GET /me (same response, same logging configuration) on the four services, one after the other in
        // each round, so drift on a shared machine hits all of them; each side's best round is compared.
        var contenders = new[] { ("Clerk", sample), ("Clerk, EnableTokenCache", cached), ("JwtBearer", baseline), ("no authentication", open) };
        var runs = contenders.ToDictionary(c => c.Item1, _ => new List<LoadResult>());
        for (var round = 0; round < 3; round++)
        {
            foreach (var (name, service) in contenders)
            {
                runs[name].Add(await Load.RunAsync(service.BaseAddress, "/me", reader, requests, connections));
            }
        }

        foreach (var (name, results) in runs)
        {
            Check($"load on {name}", results.All(r => r.Errors == 0), results.MaxBy(r => r.RequestsPerSecond)!.ToString());
        }

        double Best(string name) => runs[name].Max(r => r.RequestsPerSecond);
        var bearer = Best("JwtBearer");
        Console.WriteLine($"  throughput ratio Clerk / JwtBearer: {Best("Clerk") / bearer:0.00};"
                          + $" with EnableTokenCache: {Best("Clerk, EnableTokenCache") / bearer:0.00};"
                          + $" ceiling (no authentication) / JwtBearer: {Best("no authentication") / bearer:0.00}"
                          + $" (req/s per round: {string.Join("; ", runs.Select(r => $"{r.Key} {string.Join(", ", r.Value.Select(v => v.RequestsPerSecond.ToString("0")))}"))})");
    }
}

if (startups > 0)
{
    // Exec to first answered GET /health, sample and baseline alternated; the median of each is compared.
    var times = new Dictionary<string, List<double>> { ["sample"] = [], ["jwtbearer"] = [] };
    for (var i = 0; i < startups; i++)
    {
        foreach (var (name, binary) in new[] { ("sample", args[0]), ("jwtbearer", args[1]) })
        {
            await using var started = await ServiceProcess.StartAsync(name, binary);
            if (started.Ready)
            {
                times[name].Add(started.TimeToFirstAnswer.TotalMilliseconds);
            }
        }
    }

    var complete = times.Values.All(t => t.Count == startups);
    Check("start-up series", complete, $"{startups} starts each");
    if (complete)
    {
        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        Console.WriteLine($"  start-up ratio sample / JwtBearer (median exec to first GET /health): {Median(times["sample"]) / Median(times["jwtbearer"]):0.00}"
                          + $" (ms: sample {string.Join(", ", times["sample"].Select(t => t.ToString("0")))};"
                          + $" JwtBearer {string.Join(", ", times["jwtbearer"].Select(t => t.ToString("0")))})");
    }
}

var failed = checks.Count(c => !c.Passed);
var passed = checks.Count - failed;
Console.WriteLine($"{(failed == 0 ? "Passed!" : "Failed!")}  - Failed: {failed}, Passed: {passed}, Skipped: 0, Total: {checks.Count} - aot-smoke (Native AOT sample over HTTP)");
return failed == 0 ? 0 : 1;

/// <summary>Throughput of one load round.</summary>
internal sealed record LoadResult(int Requests, int Connections, int Errors, TimeSpan Elapsed)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Requests} requests, {Connections} connections, {Errors} errors, {Elapsed.TotalSeconds:0.00} s, {RequestsPerSecond:0} req/s";
}

/// <summary>A closed-loop load: <c>connections</c> workers on as many kept-alive connections, each sending the next request when the last answered.</summary>
internal static class Load
{
    public static async Task<LoadResult> RunAsync(Uri baseAddress, string path, string token, int requests, int connections)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var authorization = new AuthenticationHeaderValue("Bearer", token);
        await RunRoundAsync(client, path, authorization, Math.Min(2_000, requests), connections); // warm connections and JIT-free paths
        var stopwatch = Stopwatch.StartNew();
        var errors = await RunRoundAsync(client, path, authorization, requests, connections);
        return new LoadResult(requests, connections, errors, stopwatch.Elapsed);
    }

    private static async Task<int> RunRoundAsync(HttpClient client, string path, AuthenticationHeaderValue authorization, int requests, int connections)
    {
        var remaining = requests;
        var errors = 0;
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, path);
                    request.Headers.Authorization = authorization;
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });
        await Task.WhenAll(workers);
        return errors;
    }
}

/// <summary>A service binary started on a free loopback port with a clean environment, killed on dispose.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool Ready { get; private set; }

    public TimeSpan TimeToFirstAnswer { get; private set; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ServiceProcess> StartAsync(string name, string binary, params (string Name, string Value)[] environment)
    {
        var port = FreePort();
        var path = Path.GetFullPath(binary);
        var start = new ProcessStartInfo(path)
        {
            // Its own folder, so both services read the appsettings.json published beside them (the same logging levels).
            WorkingDirectory = Path.GetDirectoryName(path)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // "No configuration at all": nothing Clerk- or environment-related leaks in from the CI shell.
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("CLERK_", StringComparison.Ordinal) || k.EndsWith("_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // As `dotnet run` starts it (launchSettings.json): the sample uses its public development key only in Development.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name}: could not start {binary}");
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = TimeSpan.FromSeconds(30);
        while (stopwatch.Elapsed < deadline && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    service.TimeToFirstAnswer = stopwatch.Elapsed;
                    service.Ready = true;
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(5);
        }

        if (!service.Ready)
        {
            Console.WriteLine($"  {name} did not answer; its output:\n{service.Output}");
        }

        return service;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The first match of <paramref name="pattern"/> in the output, waiting for it at most <paramref name="timeout"/>.</summary>
    public async Task<Match> WaitForOutputAsync(Regex pattern, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var match = pattern.Match(Output);
            if (match.Success || stopwatch.Elapsed > timeout || _process.HasExited)
            {
                return match;
            }

            await Task.Delay(20);
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
