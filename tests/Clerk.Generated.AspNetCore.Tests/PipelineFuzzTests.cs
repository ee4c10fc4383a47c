using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Clerk.Generated.Authorization;
using Clerk.Generated.Fuzzing;
using Clerk.Generated.Guards;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary>
/// The token grammar through the whole ASP.NET Core pipeline (TestServer, Clerk as the default scheme): bearer
/// headers, session cookies, both, and malformed Authorization headers, on anonymous and protected routes. No
/// answer may be a 5xx; anonymous routes always answer 200.
/// </summary>
[Category("Fuzz")]
public sealed class PipelineFuzzTests
{
    [Test]
    public async Task Twenty_thousand_hostile_requests_never_get_a_5xx()
    {
        var total = FuzzScale.Scaled(20_000);
        await using var app = await TestApp.StartAsync(
            a =>
            {
                a.MapGet("/health", () => "ok");
                a.MapGet("/protected", (HttpContext c) => "protected").RequireAuthorization();
                a.MapGet("/guarded", () => "guarded").RequireClerk();
                a.MapGet("/policy", () => "policy").RequireClerkPolicy(p => p.RequireClerkSession().RequireOrganizationPermission("org:a:read"));
            },
            o =>
            {
                o.ValidateSessionCookie = true;
                o.AllowSessionCookieWithoutAuthorizedParties = true;
                o.EnableTokenCache = true;
            });
        var json = new HostileJson(FuzzScale.Seed + 2);
        var tokens = new HostileTokens(json, app.Tokens.Key, app.Time.GetUtcNow().ToUnixTimeSeconds());
        var signed = Enumerable.Range(0, FuzzScale.Scaled(400)).Select(_ => tokens.SigningInput()).ToArray();
        Parallel.For(0, signed.Length, i => signed[i] = tokens.Sign(signed[i]));
        var requests = Enumerable.Range(0, total).Select(_ => Request(json, tokens, signed)).ToArray();

        var statuses = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, _) =>
        {
            using var response = await app.Client.SendAsync(request.Message);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate($"{request.Path} {status}", 1, (_, n) => n + 1);
            if (status >= 500 || (request.Path == "/health" && status != 200))
            {
                failures.Enqueue($"{request.Path} {status} for {request.Description}");
            }
        });

        TestContext.Out.WriteLine($"pipeline fuzz (seed {FuzzScale.Seed + 2}, scale {FuzzScale.Factor}): {total} requests, {failures.Count} failures");
        TestContext.Out.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}")));
        Assert.That(failures, Is.Empty);
        Assert.That(statuses.Keys, Does.Contain("/protected 200").And.Contain("/protected 401"), "the grammar reaches acceptance and rejection");
    }

    private static (HttpRequestMessage Message, string Path, string Description) Request(HostileJson json, HostileTokens tokens, string[] signed)
    {
        var path = json.Pick(["/health", "/protected", "/guarded", "/policy"]);
        var token = Printable(json.Chance(35) ? json.Pick(signed) : tokens.Token(sign: false));
        var message = new HttpRequestMessage(HttpMethod.Get, path);
        var transport = json.Next(6);
        switch (transport)
        {
            case 0 or 1:
                message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                break;
            case 2 or 3:
                message.Headers.TryAddWithoutValidation("Cookie", $"__session={token}");
                break;
            case 4:
                message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                message.Headers.TryAddWithoutValidation("Cookie", $"__session={Printable(tokens.Token(sign: false))}; __session={token}");
                break;
            default:
                message.Headers.TryAddWithoutValidation("Authorization", json.Pick(["Bearer", "Bearer  ", "bearer " + token, "Basic " + token, "Bearer " + token + " extra", "Bearer\t" + token, token]));
                break;
        }

        return (message, path, $"transport {transport}, token {token}");
    }

    // HTTP header values are ASCII without control characters; anything else a server refuses before any handler.
    private static string Printable(string token)
    {
        var builder = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            builder.Append(c is >= ' ' and <= '~' && c != ';' ? c : '~');
        }

        return builder.ToString();
    }
}
