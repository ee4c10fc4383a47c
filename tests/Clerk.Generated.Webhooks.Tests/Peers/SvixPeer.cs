using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clerk.Generated.Webhooks.Tests.Peers;

/// <summary>
/// Runs tests/peers/svix-webhooks.mjs (svix@2.5.0's own <c>Webhook</c>) over a batch of requests exchanged through
/// files: one node process per batch, bounded in time, killed with its tree if it overruns.
/// </summary>
internal static class SvixPeer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static JsonObject Sign(string secret, string id, long timestamp, byte[] body) => new()
    {
        ["op"] = "sign",
        ["secret"] = secret,
        ["id"] = id,
        ["timestamp"] = timestamp,
        ["body"] = Convert.ToBase64String(body),
    };

    public static JsonObject Verify(string secret, IReadOnlyDictionary<string, string> headers, byte[] body, long now)
    {
        var headerObject = new JsonObject();
        foreach (var (name, value) in headers)
        {
            headerObject[name] = value;
        }

        return new JsonObject
        {
            ["op"] = "verify",
            ["secret"] = secret,
            ["headers"] = headerObject,
            ["body"] = Convert.ToBase64String(body),
            ["now"] = now,
        };
    }

    public static async Task<IReadOnlyList<JsonElement>> RunAsync(IReadOnlyList<JsonObject> requests)
    {
        var script = Path.Combine(RepositoryPaths.PeersDir, "svix-webhooks.mjs");
        var svix = Path.Combine(RepositoryPaths.PeersDir, "node_modules", "svix", "package.json");
        if (!File.Exists(svix))
        {
            Assert.Fail($"svix is not installed at {svix}: run `npm ci --prefix tests/peers` (build/test.sh does).");
        }

        var work = Directory.CreateTempSubdirectory("clerk-svix-");
        try
        {
            var input = Path.Combine(work.FullName, "requests.jsonl");
            var output = Path.Combine(work.FullName, "responses.jsonl");
            await File.WriteAllLinesAsync(input, requests.Select(r => r.ToJsonString()));

            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = RepositoryPaths.PeersDir,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(input);
            start.ArgumentList.Add(output);

            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using (var timeout = new CancellationTokenSource(Timeout))
            {
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail($"svix peer did not finish {requests.Count} requests within {Timeout}.");
                }
            }

            if (process.ExitCode != 0)
            {
                Assert.Fail($"svix peer exited {process.ExitCode}: {await stderr}{await stdout}");
            }

            var lines = await File.ReadAllLinesAsync(output, Encoding.UTF8);
            Assert.That(lines, Has.Length.EqualTo(requests.Count), "svix peer answered a different number of requests");
            return lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
