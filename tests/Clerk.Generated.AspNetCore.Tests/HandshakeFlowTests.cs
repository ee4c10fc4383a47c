using System.Net;
using System.Text;
using System.Text.Json;
using Clerk.Generated.Authentication;
using Microsoft.AspNetCore.Builder;
using Clerk.Generated.Tests.Shared;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary>
/// Cookie mode end to end: a page whose session cookie is gone while the client is still signed in redirects to the
/// frontend API, which (a stand-in on loopback, answering as Clerk's does with <c>format=nonce</c>) sends the browser
/// back with a handshake nonce; the app exchanges it at the Backend API (same stand-in), sets the cookies and serves
/// the page signed in. APIs and bearer requests never redirect.
/// </summary>
public sealed class HandshakeFlowTests
{
    private const string PublishableKey = "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k"; // clerk.example.com
    private const string Issuer = "https://clerk.example.com";

    [Test]
    public async Task A_page_with_a_stale_cookie_goes_through_the_handshake_and_comes_back_signed_in()
    {
        await using var frontend = new StandInFrontendApi();
        await using var app = await StartAsync(frontend);
        frontend.MintSession = () => app.Tokens.Mint(new() { Subject = "user_handshake", Issuer = Issuer });

        var jar = new Dictionary<string, string> { ["__client_uat"] = (TestApp.Now.ToUnixTimeSeconds() - 60).ToString() };
        var hops = new List<string>();
        var url = new Uri("http://localhost/page");
        HttpResponseMessage? response = null;
        for (var hop = 0; hop < 6; hop++)
        {
            response?.Dispose();
            response = await SendAsync(app, frontend, url, jar);
            hops.Add($"{(int)response.StatusCode} {url.Host}{url.AbsolutePath}");
            if (response.StatusCode != HttpStatusCode.TemporaryRedirect)
            {
                break;
            }

            url = response.Headers.Location!;
        }

        Assert.Multiple(async () =>
        {
            Assert.That(hops, Is.EqualTo(new[] { "307 localhost/page", "307 127.0.0.1/v1/client/handshake", "200 localhost/page" }));
            Assert.That(await response!.Content.ReadAsStringAsync(), Is.EqualTo("hello user_handshake"));
            Assert.That(jar.Keys, Does.Contain("__session"));
            Assert.That(frontend.HandshakeReasons, Is.EqualTo(new[] { "client-uat-but-no-session-token" }));
            Assert.That(frontend.NoncesRedeemed, Is.EqualTo(1));
        });

        // Signed in from now on, without another trip.
        using var again = await SendAsync(app, frontend, new Uri("http://localhost/page"), jar);
        Assert.That(await again.Content.ReadAsStringAsync(), Is.EqualTo("hello user_handshake"));
    }

    [Test]
    public async Task Apis_and_bearer_requests_never_redirect()
    {
        await using var frontend = new StandInFrontendApi();
        await using var app = await StartAsync(frontend);
        var stale = new Dictionary<string, string> { ["__client_uat"] = (TestApp.Now.ToUnixTimeSeconds() - 60).ToString() };

        using var api = await SendAsync(app, frontend, new Uri("http://localhost/api/items"), stale, document: false);
        var expired = app.Tokens.Mint(new() { Issuer = Issuer, IssuedAt = TestApp.Now.AddMinutes(-5), ExpiresAt = TestApp.Now.AddMinutes(-4) });
        using var bearer = await SendAsync(app, frontend, new Uri("http://localhost/api/items"), [], document: false, bearer: expired);
        using var valid = await SendAsync(app, frontend, new Uri("http://localhost/api/items"), [], document: false, bearer: app.Tokens.Mint(new() { Issuer = Issuer }));
        Assert.Multiple(() =>
        {
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(bearer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(valid.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(frontend.HandshakeReasons, Is.Empty);
        });
    }

    [Test]
    public async Task The_redirect_loop_guard_stops_after_three_handshakes()
    {
        await using var frontend = new StandInFrontendApi();
        await using var app = await StartAsync(frontend);
        var jar = new Dictionary<string, string>
        {
            ["__client_uat"] = (TestApp.Now.ToUnixTimeSeconds() - 60).ToString(),
            ["__clerk_redirect_count"] = "3",
        };
        using var response = await SendAsync(app, frontend, new Uri("http://localhost/page"), jar);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("anonymous"));
    }

    private static Task<TestApp> StartAsync(StandInFrontendApi frontend) => TestApp.StartAsync(
        a =>
        {
            a.MapGet("/page", (HttpContext c) => c.User.Identity?.IsAuthenticated == true ? "hello " + c.User.FindFirst(ClerkClaimTypes.UserId)?.Value : "anonymous");
            a.MapGet("/api/items", () => "items").RequireAuthorization();
        },
        o =>
        {
            o.ValidateSessionCookie = true;
            o.AuthorizedParties.Add("http://localhost:3000");
            o.PublishableKey = PublishableKey;
            o.SecretKey = "sk_live_standin";
            o.ApiUrl = frontend.Url;
            o.ConfigureRequestAuthenticator = r => r.ProxyUrl = frontend.Url.AbsoluteUri.TrimEnd('/');
        });

    /// <summary>One browser hop: to the app through TestServer, to the stand-in over loopback; cookies kept in <paramref name="jar"/>.</summary>
    private static async Task<HttpResponseMessage> SendAsync(TestApp app, StandInFrontendApi frontend, Uri url, Dictionary<string, string> jar, bool document = true, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (document)
        {
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Dest", "document");
            request.Headers.TryAddWithoutValidation("Accept", "text/html");
        }
        else
        {
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Dest", "empty");
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        var isApp = url.Host == "localhost";
        if (isApp && jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = isApp ? await app.Client.SendAsync(request) : await frontend.Client.SendAsync(request);
        if (isApp && response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var directive in setCookies)
            {
                var pair = directive.Split(';')[0].Split('=', 2);
                jar[pair[0]] = pair[1];
            }
        }

        return response;
    }

    /// <summary>Clerk's frontend API and Backend API for handshakes, on 127.0.0.1.</summary>
    private sealed class StandInFrontendApi : IAsyncDisposable
    {
        private readonly Dictionary<string, string[]> _nonces = new();
        private readonly LoopbackHttpServer _server;
        private int _redeemed;

        public StandInFrontendApi() => _server = new LoopbackHttpServer(AnswerAsync);

        public Uri Url => _server.Url;

        public HttpClient Client { get; } = new(new HttpClientHandler { AllowAutoRedirect = false });

        public Func<string>? MintSession { get; set; }

        public List<string> HandshakeReasons { get; } = [];

        public int NoncesRedeemed => Volatile.Read(ref _redeemed);

        private async Task AnswerAsync(HttpListenerContext context)
        {
            var query = context.Request.QueryString;
            switch (context.Request.Url!.AbsolutePath)
            {
                case "/v1/client/handshake":
                    // Clerk's FAPI: the client is signed in, so mint a fresh session and send the browser back
                    // with a nonce the backend redeems (format=nonce).
                    lock (HandshakeReasons)
                    {
                        HandshakeReasons.Add(query["__clerk_hs_reason"] ?? "?");
                    }

                    var nonce = "nonce_" + Guid.NewGuid().ToString("N");
                    lock (_nonces)
                    {
                        _nonces[nonce] = [$"__session={MintSession!()}; Path=/; HttpOnly; SameSite=Lax", $"__client_uat={TestApp.Now.ToUnixTimeSeconds() - 60}; Path=/; SameSite=Lax"];
                    }

                    var back = query["redirect_url"]!;
                    context.Response.StatusCode = 307;
                    context.Response.RedirectLocation = back + (back.Contains('?') ? "&" : "?") + "__clerk_handshake_nonce=" + nonce;
                    break;
                case "/v1/clients/handshake_payload":
                    string[]? directives;
                    lock (_nonces)
                    {
                        _nonces.Remove(query["nonce"] ?? string.Empty, out directives);
                    }

                    if (directives is null || context.Request.Headers["Authorization"] != "Bearer sk_live_standin")
                    {
                        context.Response.StatusCode = 404;
                        break;
                    }

                    Interlocked.Increment(ref _redeemed);
                    var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string[]> { ["directives"] = directives }));
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(body);
                    break;
                default:
                    context.Response.StatusCode = 404;
                    break;
            }
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _server.DisposeAsync();
        }
    }
}
