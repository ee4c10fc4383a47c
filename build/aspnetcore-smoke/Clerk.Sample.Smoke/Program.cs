using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Clerk.Generated.Testing;

// Usage: Clerk.Sample.Smoke <sample binary> <JwtBearer baseline binary> [requests] [connections] [starts]
// Starts the Native AOT sample with no configuration at all on a free loopback port, checks over real HTTP that a valid
// token gets 200, an invalid one 401 and a missing permission 403, then runs the same bounded load against GET /me of
// the sample, the sample with EnableTokenCache, the JwtBearer baseline and that baseline without authentication (the
// ceiling), alternated, and reports requests per second and the ratios. With SMOKE_SERVER_CPUS and SMOKE_CLIENT_CPUS,
// the services under load run on the first CPUs and each load round in a process of its own on the second. With [starts] > 0, also starts the sample
// and the baseline that many times each, alternated, and compares exec-to-first-answered-/health. Ends with a dotnet-test-style summary.
if (args is ["--load", var loadBase, var loadPath, var loadToken, var loadRequests, var loadConnections])
{
    // The load client of one round, started by the run below on its own core: prints errors and elapsed ticks.
    var result = Load.Run(new Uri(loadBase), loadPath, loadToken, int.Parse(loadRequests, CultureInfo.InvariantCulture), int.Parse(loadConnections, CultureInfo.InvariantCulture));
    Console.WriteLine(FormattableString.Invariant($"{result.Errors} {result.Elapsed.Ticks}"));
    return 0;
}

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Clerk.Sample.Smoke <sample binary> <baseline binary> [requests] [connections]");
    return 2;
}

var requests = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
var connections = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 32;
var startups = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 0;
// SMOKE_SERVER_CPUS / SMOKE_CLIENT_CPUS (taskset lists, set by build/aot-smoke.sh): the services under load run on
// the first, the load client in a process of its own on the second, so the client never takes the server's CPU time.
var serverCpus = Environment.GetEnvironmentVariable("SMOKE_SERVER_CPUS") is { Length: > 0 } serverList ? serverList : null;
var clientCpus = Environment.GetEnvironmentVariable("SMOKE_CLIENT_CPUS") is { Length: > 0 } clientList ? clientList : null;
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

// A home of its own: ASP.NET Core Data Protection, when registered, writes its key ring there on the first start.
var sampleHome = Directory.CreateTempSubdirectory("clerk-sample-home-");
await using (var sample = await ServiceProcess.StartPinnedAsync("sample", args[0], serverCpus, ("HOME", sampleHome.FullName)))
{
    Check("sample starts with no configuration", sample.Ready, $"first answered request after {sample.TimeToFirstAnswer.TotalMilliseconds:0} ms");
    if (sample.Ready)
    {
        using var http = new HttpClient { BaseAddress = sample.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        async Task<(HttpStatusCode Status, string? MediaType)> Get(string path, string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await http.SendAsync(request);
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType);
        }

        async Task Expect(string name, string path, string? token, HttpStatusCode expected, string? mediaType = null)
        {
            var (status, actualMediaType) = await Get(path, token);
            Check(
                name,
                status == expected && (mediaType is null || actualMediaType == mediaType),
                $"GET {path} -> {(int)status} {actualMediaType}, expected {(int)expected}{(mediaType is null ? "" : $" {mediaType}")}");
        }

        await Expect("valid token with the permission", "/org/invoices", reader, HttpStatusCode.OK);
        await Expect("tampered token", "/org/invoices", tampered, HttpStatusCode.Unauthorized);
        await Expect("no token", "/me", null, HttpStatusCode.Unauthorized);
        await Expect("valid token without the permission", "/org/invoices", outsider, HttpStatusCode.Forbidden);
        await Expect("valid token without the role", "/org/settings", reader, HttpStatusCode.Forbidden);
        // A problem body, which under Native AOT needs ProblemDetails in the sample's JSON metadata.
        await Expect("Backend API without a secret key", "/me/profile", reader, HttpStatusCode.ServiceUnavailable, "application/problem+json");

        // The sample prints its curl command a moment after it starts listening (minting stays off the start path).
        var printed = await sample.WaitForOutputAsync(new Regex("Authorization: Bearer ([A-Za-z0-9_\\-.]+)\" (\\S+)"), TimeSpan.FromSeconds(10));
        Check("printed curl command", printed.Success, printed.Success ? "found" : "no curl command in the output");
        if (printed.Success)
        {
            await Expect("printed token works", "/org/invoices", printed.Groups[1].Value, HttpStatusCode.OK);
        }

        // AddClerkAuthentication leaves Data Protection out: nothing in the sample uses it.
        var keyFiles = Directory.GetFiles(sampleHome.FullName, "*", SearchOption.AllDirectories);
        Check("no Data Protection key ring", keyFiles.Length == 0, keyFiles.Length == 0 ? "none written" : string.Join(", ", keyFiles));
    }

    // The sample once more with the token cache on (Clerk:EnableTokenCache, bound from the environment).
    await using var cached = await ServiceProcess.StartPinnedAsync("sample-token-cache", args[0], serverCpus, ("Clerk__EnableTokenCache", "true"));
    Check("sample starts with EnableTokenCache", cached.Ready, $"first answered request after {cached.TimeToFirstAnswer.TotalMilliseconds:0} ms");
    await using var baseline = await ServiceProcess.StartPinnedAsync("jwtbearer", args[1], serverCpus);
    Check("JwtBearer baseline starts", baseline.Ready, $"first answered request after {baseline.TimeToFirstAnswer.TotalMilliseconds:0} ms");
    // The ceiling: the baseline binary with no authentication at all (same host, configuration and response).
    await using var open = await ServiceProcess.StartPinnedAsync("no-authentication", args[1], serverCpus, ("Baseline__Authentication", "none"));
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
                var cpuBefore = service.ProcessorTime;
                var result = clientCpus is null
                    ? Load.Run(service.BaseAddress, "/me", reader, requests, connections)
                    : await LoadProcess.RunAsync(clientCpus, service.BaseAddress, "/me", reader, requests, connections);
                runs[name].Add(result with { ServerProcessorTime = service.ProcessorTime - cpuBefore });
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
        // CPU time the server process spent per request (its best round): unlike req/s, hardly moved by other
        // processes sharing the machine, so it backs the throughput ratios on a busy host.
        double Cpu(string name) => runs[name].Min(r => r.ServerMicrosecondsPerRequest);
        Console.WriteLine($"  server CPU per request, JwtBearer / Clerk: {Cpu("JwtBearer") / Cpu("Clerk"):0.00};"
                          + $" with EnableTokenCache: {Cpu("JwtBearer") / Cpu("Clerk, EnableTokenCache"):0.00};"
                          + $" no authentication: {Cpu("JwtBearer") / Cpu("no authentication"):0.00}"
                          + $" (µs per request, best round: {string.Join("; ", runs.Keys.Select(k => $"{k} {Cpu(k):0.0}"))})");
    }
}

sampleHome.Delete(recursive: true);

if (startups > 0)
{
    // Exec to first answered GET /health, the sample and the baseline as is and without Data Protection (as the sample
    // runs) alternated; the median of each is compared.
    var services = new (string Name, string Binary, (string, string)[] Environment)[]
    {
        ("sample", args[0], []),
        ("jwtbearer", args[1], []),
        ("jwtbearer-no-dp", args[1], [("Baseline__DataProtection", "none")]),
    };
    var baselineHome = Directory.CreateTempSubdirectory("clerk-baseline-home-");
    await using (var withoutDataProtection = await ServiceProcess.StartAsync("jwtbearer-no-dp", args[1], [.. services[2].Environment, ("HOME", baselineHome.FullName)]))
    {
        var keyFiles = Directory.GetFiles(baselineHome.FullName, "*", SearchOption.AllDirectories);
        Check(
            "JwtBearer baseline without Data Protection writes no key ring",
            withoutDataProtection.Ready && keyFiles.Length == 0,
            withoutDataProtection.Ready ? (keyFiles.Length == 0 ? "none written" : string.Join(", ", keyFiles)) : "did not start");
    }

    baselineHome.Delete(recursive: true);
    var times = services.ToDictionary(s => s.Name, _ => new List<double>());
    for (var i = 0; i < startups; i++)
    {
        // Each round starts with the next service, so none is always first after the previous round's process exits.
        foreach (var (name, binary, environment) in services.Skip(i % services.Length).Concat(services.Take(i % services.Length)))
        {
            await using var started = await ServiceProcess.StartAsync(name, binary, environment);
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
        string Series(string name) => string.Join(", ", times[name].Select(t => t.ToString("0")));
        Console.WriteLine($"  start-up ratio sample / JwtBearer (median exec to first GET /health): {Median(times["sample"]) / Median(times["jwtbearer"]):0.00};"
                          + $" / JwtBearer without Data Protection: {Median(times["sample"]) / Median(times["jwtbearer-no-dp"]):0.00}"
                          + $" (ms: sample {Series("sample")}; JwtBearer {Series("jwtbearer")}; JwtBearer without Data Protection {Series("jwtbearer-no-dp")})");
    }
}

var failed = checks.Count(c => !c.Passed);
var passed = checks.Count - failed;
Console.WriteLine($"{(failed == 0 ? "Passed!" : "Failed!")}  - Failed: {failed}, Passed: {passed}, Skipped: 0, Total: {checks.Count} - aot-smoke (Native AOT sample over HTTP)");
return failed == 0 ? 0 : 1;

/// <summary>One load round in a process of its own, started with <c>taskset -c</c> on the client's CPUs.</summary>
internal static class LoadProcess
{
    public static async Task<LoadResult> RunAsync(string cpus, Uri baseAddress, string path, string token, int requests, int connections)
    {
        // This program again (its apphost, or `dotnet <dll>` when run through the muxer), in --load mode.
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", cpus, self })
        {
            start.ArgumentList.Add(argument);
        }

        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LoadProcess).Assembly.Location);
        }

        foreach (var argument in new[] { "--load", baseAddress.ToString(), path, token, requests.ToString(CultureInfo.InvariantCulture), connections.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the load client");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var fields = output.Trim().Split(' ');
        return process.ExitCode == 0 && fields.Length == 2
            ? new LoadResult(requests, connections, int.Parse(fields[0], CultureInfo.InvariantCulture), TimeSpan.FromTicks(long.Parse(fields[1], CultureInfo.InvariantCulture)))
            : new LoadResult(requests, connections, requests, TimeSpan.MaxValue);
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

    /// <summary>User and system CPU time of the service process so far (the binary itself: taskset execs it).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

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

    public static Task<ServiceProcess> StartAsync(string name, string binary, params (string Name, string Value)[] environment) =>
        StartPinnedAsync(name, binary, cpus: null, environment);

    /// <summary>As <see cref="StartAsync"/>, on the CPUs <paramref name="cpus"/> (a taskset list) when given.</summary>
    public static async Task<ServiceProcess> StartPinnedAsync(string name, string binary, string? cpus, params (string Name, string Value)[] environment)
    {
        var port = FreePort();
        var path = Path.GetFullPath(binary);
        var start = new ProcessStartInfo(cpus is null ? path : "taskset")
        {
            // Its own folder, so both services read the appsettings.json published beside them (the same logging levels).
            WorkingDirectory = Path.GetDirectoryName(path)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (cpus is not null)
        {
            // taskset execs the binary: the service's own process, bound to those CPUs from its first instruction.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cpus);
            start.ArgumentList.Add(path);
        }

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

            // A short interval: the start-up series times exec to the first answer, and the wait between two attempts
            // is how late that answer can be seen (about 55 ms to the first answer, so 5 ms would be up to a tenth).
            await Task.Delay(1);
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
