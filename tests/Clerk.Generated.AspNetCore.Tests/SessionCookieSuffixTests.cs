using System.Diagnostics;
using System.Reflection;
using Clerk.Generated.Authentication;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary>The suffixed cookie name agrees with <c>getCookieSuffix</c> of <c>@clerk/shared</c> (the pinned Node peer).</summary>
public sealed class SessionCookieSuffixTests
{
    private static readonly string[] PublishableKeys =
    [
        "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k",
        "pk_live_Y2xlcmsuYWNtZS5jb20k",
        "pk_test_ZnVubnktbGxhbWEtNDIuY2xlcmsuYWNjb3VudHMuZGV2JA",
    ];

    [Test]
    public async Task Suffix_matches_clerk_shared()
    {
        var repoRoot = typeof(SessionCookieSuffixTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepoRoot").Value!;
        var peers = Path.Combine(repoRoot, "tests", "peers");
        var script = "import { getCookieSuffix } from '@clerk/shared/keys';"
                     + "for (const key of process.argv.slice(1)) console.log(await getCookieSuffix(key));";
        var start = new ProcessStartInfo("node") { WorkingDirectory = peers, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--input-type=module", "-e", script }.Concat(PublishableKeys))
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = node.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
            }
        }

        Assert.That(node.ExitCode, Is.Zero, await errors);
        var expected = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(PublishableKeys.Select(ClerkSessionCookie.GetSuffix), Is.EqualTo(expected));
    }
}
