using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Clerk.Generated.Tests.Shared;

namespace Clerk.Generated.Packaging.Tests;

/// <summary>
/// A fresh consumer that knows nothing of this repository, laid out as docs/packaging.md recommends (Consumer/ in this
/// folder): ClerkApi, a class library holding the spec item; App, a minimal API using AddClerk, RequireClerk, a
/// policy, MapClerkWebhooks and the generated client as a handler parameter; App.Tests, its tests with
/// Clerk.Generated.Testing. Its own nuget.config lists only the packed feed and nuget.org, and its own
/// Directory.Build.props / Directory.Packages.props stop anything above the temp folder from leaking in.
/// </summary>
[NonParallelizable]
public sealed partial class ConsumerProjectTests
{
    private const string WebhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private string _consumer = "";

    [OneTimeSetUp]
    public void WriteConsumer()
    {
        var feed = PackedFeed.Current;
        _consumer = Path.Combine(feed.WorkDirectory, "consumer");
        var template = Path.Combine(RepositoryPaths.RepoRoot, "tests", "Clerk.Generated.Packaging.Tests", "Consumer");
        foreach (var file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(template, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(_consumer, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(_consumer, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(_consumer, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <ClerkPackageVersion>{feed.Version}</ClerkPackageVersion>
                <ClerkSpecFile>{SecurityElement.Escape(RepositoryPaths.SpecFile)}</ClerkSpecFile>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{SecurityElement.Escape(feed.FeedDirectory)}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
    }

    [Test, Order(1)]
    public async Task The_documented_generator_timing_build_runs_in_the_spec_library()
    {
        var build = await ChildProcess.ShellAsync(Path.Combine(_consumer, "ClerkApi"), TimeSpan.FromMinutes(8), DocumentedCommands.GeneratorTiming);

        Assert.That(build.ExitCode, Is.Zero, $"`{DocumentedCommands.GeneratorTiming}` failed:\n{Tail(build.Output)}");
        Assert.That(build.Output, Does.Contain("Clerk.Generated.Generator.ClerkGenerator"),
            "The analyzer report does not list the generator: the package's analyzer did not run.");
    }

    [Test, Order(2)]
    public async Task The_apps_own_tests_pass_against_the_packages()
    {
        var test = await ChildProcess.DotnetAsync(Path.Combine(_consumer, "App.Tests"), TimeSpan.FromMinutes(8), "test", "-nologo");

        Assert.That(test.ExitCode, Is.Zero, "The consumer's tests failed:\n" + Tail(test.Output));
        Assert.That(TestSummary().Match(test.Output).Groups["passed"].Value, Is.EqualTo("6"), Tail(test.Output));
    }

    [Test, Order(3)]
    public async Task The_app_publishes_with_native_aot_without_warnings_and_serves_requests()
    {
        var output = Path.Combine(_consumer, "published");
        var publish = await ChildProcess.DotnetAsync(Path.Combine(_consumer, "App"), TimeSpan.FromMinutes(20),
            "publish", "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo");

        Assert.That(publish.ExitCode, Is.Zero, "Native AOT publish failed:\n" + Tail(publish.Output));
        Assert.That(publish.Output.Split('\n').Where(line => line.Contains("warning", StringComparison.OrdinalIgnoreCase)), Is.Empty);

        await RunPublishedAppAsync(output, redis: null, async (http, log) =>
        {
            var health = await FirstAnswerAsync(http, "/health", TimeSpan.FromSeconds(30));
            using var me = await http.GetAsync("/me");
            using var user = await http.GetAsync("/users/user_42");

            Assert.Multiple(() =>
            {
                Assert.That(health, Is.EqualTo(HttpStatusCode.OK), ChildProcess.Snapshot(log));
                Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That(user.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            });
        });
    }

    /// <summary>
    /// The same Native AOT binary with <c>CLERK_REDIS</c> set (AddClerkRedis and the shared rate limit, which the
    /// warning-free publish above compiled in): against a real redis-server, a webhook delivery is recorded in Redis,
    /// health is Healthy, and with Redis stopped the app keeps processing deliveries and reports Degraded.
    /// </summary>
    [Test, Order(4)]
    public async Task The_native_aot_app_shares_webhook_deliveries_through_a_real_redis()
    {
        var output = Path.Combine(_consumer, "published");
        Assert.That(File.Exists(Path.Combine(output, "App")), Is.True, "the Native AOT publish did not run");
        using var redis = new RedisServer();
        redis.Start();

        await RunPublishedAppAsync(output, redis.Configuration, async (http, log) =>
        {
            Assert.That(await FirstAnswerAsync(http, "/health", TimeSpan.FromSeconds(30)), Is.EqualTo(HttpStatusCode.OK), ChildProcess.Snapshot(log));
            var healthy = await http.GetStringAsync("/health/clerk");
            var delivered = await DeliverAsync(http, "msg_aot_shared");
            var replayed = await DeliverAsync(http, "msg_aot_shared");
            var stored = await RedisGetAsync(redis.Port, "clerk:webhook-delivery:msg_aot_shared");

            redis.Stop();
            var duringOutage = await DeliverAsync(http, "msg_aot_outage");
            var degraded = await http.GetStringAsync("/health/clerk");

            Assert.Multiple(() =>
            {
                Assert.That(healthy, Is.EqualTo("Healthy"), ChildProcess.Snapshot(log));
                Assert.That(delivered, Is.EqualTo(HttpStatusCode.NoContent), ChildProcess.Snapshot(log));
                Assert.That(replayed, Is.EqualTo(HttpStatusCode.NoContent));
                Assert.That(stored, Is.EqualTo("done"), "the delivery's record in Redis");
                Assert.That(duringOutage, Is.EqualTo(HttpStatusCode.NoContent), ChildProcess.Snapshot(log));
                Assert.That(degraded, Is.EqualTo("Degraded"));
                Assert.That(ChildProcess.Snapshot(log), Does.Contain("Redis is unavailable"));
            });
        });
    }

    [Test, Order(5)]
    public async Task The_compiler_driver_cache_is_enabled_only_when_the_consumer_opts_in()
    {
        var library = Path.Combine(_consumer, "ClerkApi");
        var restore = await ChildProcess.DotnetAsync(library, TimeSpan.FromMinutes(4), "restore", "-nologo");
        Assert.That(restore.ExitCode, Is.Zero, restore.Output);

        var byDefault = await ChildProcess.DotnetAsync(library, TimeSpan.FromMinutes(2), "msbuild", "-getProperty:Features", "-nologo");
        var optedIn = await ChildProcess.DotnetAsync(library, TimeSpan.FromMinutes(2), "msbuild", "-getProperty:Features", "-p:ClerkGeneratorDriverCache=true", "-nologo");

        Assert.Multiple(() =>
        {
            Assert.That(byDefault.ExitCode, Is.Zero, byDefault.Output);
            Assert.That(byDefault.Output, Does.Not.Contain("enable-generator-cache"));
            Assert.That(optedIn.ExitCode, Is.Zero, optedIn.Output);
            Assert.That(optedIn.Output, Does.Contain("enable-generator-cache"));
        });
    }

    private static async Task RunPublishedAppAsync(string output, string? redis, Func<HttpClient, StringBuilder, Task> exercise)
    {
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["CLERK_SECRET_KEY"] = "sk_test_consumer",
            ["CLERK_WEBHOOK_SIGNING_SECRET"] = WebhookSecret,
        };
        if (redis is not null)
        {
            environment["CLERK_REDIS"] = redis;
        }

        using var app = ChildProcess.Start(Path.Combine(output, "App"), ["--urls", $"http://127.0.0.1:{port}"], output, environment, out var log);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            await exercise(http, log);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }

    /// <summary>Posts a <c>user.created</c> delivery signed as Svix signs it (HMAC-SHA256 of <c>id.timestamp.body</c>).</summary>
    private static async Task<HttpStatusCode> DeliverAsync(HttpClient http, string id)
    {
        var body = $$$"""{"type":"user.created","object":"event","timestamp":1,"data":{"id":"user_{{{id}}}","object":"user"}}""";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var key = Convert.FromBase64String(WebhookSecret["whsec_".Length..]);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/clerk") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("svix-id", id);
        request.Headers.Add("svix-timestamp", timestamp);
        request.Headers.Add("svix-signature", "v1," + signature);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Reads a string key from Redis with one inline command (<c>GET key</c>); null when the key is absent.</summary>
    private static async Task<string?> RedisGetAsync(int port, string key)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {key}\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var header = await reader.ReadLineAsync() ?? "";
        return header.StartsWith('$') && header != "$-1" ? await reader.ReadLineAsync() : null;
    }

    private static async Task<HttpStatusCode?> FirstAnswerAsync(HttpClient http, string path, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(path);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        return null;
    }

    private static string Tail(string output) => output.Length <= 20_000 ? output : output[^20_000..];

    [GeneratedRegex(@"Passed:\s+(?<passed>\d+)")]
    private static partial Regex TestSummary();
}
