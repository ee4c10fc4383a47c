using System.Net;
using System.Text.RegularExpressions;
using Clerk.Generated.Testing;
using Clerk.Sample.Pages;
using Microsoft.AspNetCore.Builder;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary>
/// The Razor Pages sample as a browser sees it: started on Kestrel (127.0.0.1, a free port) in Development with no
/// credentials, so its development stand-in for the frontend API signs in; every hop over real HTTP with a cookie jar.
/// </summary>
[NonParallelizable]
public sealed partial class SamplePagesTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Sign_in_goes_through_the_stand_in_and_the_handshake_and_comes_back_signed_in()
    {
        await using var sample = await RunningSample.StartAsync();
        using var home = await sample.GetAsync("/");
        var homePage = await home.Content.ReadAsStringAsync();
        Assert.That(homePage, Does.Contain("Signed out."));
        var signIn = SignInLink().Match(homePage).Groups[1].Value;

        using var atStandIn = await sample.GetAsync(signIn);
        using var protectedPage = await sample.GetAsync(atStandIn.Headers.Location!);
        var handshake = protectedPage.Headers.Location!;
        using var atFrontendApi = await sample.GetAsync(handshake);
        var back = atFrontendApi.Headers.Location!;
        using var signedIn = await sample.GetAsync(back);
        var page = await signedIn.Content.ReadAsStringAsync();
        using var homeAgain = await sample.GetAsync("/");

        Assert.Multiple(async () =>
        {
            Assert.That(signIn, Does.StartWith(DevelopmentFrontendApi.PathPrefix + "/sign-in?"));
            Assert.That(atStandIn.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
            Assert.That(SetCookieNames(atStandIn), Does.Contain("__client_uat"));
            Assert.That(new Uri(sample.Url, atStandIn.Headers.Location!).AbsolutePath, Is.EqualTo("/account"));

            Assert.That(protectedPage.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
            Assert.That(handshake.GetLeftPart(UriPartial.Path), Is.EqualTo(new Uri(sample.Url, DevelopmentFrontendApi.PathPrefix + "/v1/client/handshake").AbsoluteUri));
            Assert.That(Query(handshake, "redirect_url"), Is.EqualTo(new Uri(sample.Url, "/account").AbsoluteUri));
            Assert.That(Query(handshake, "format"), Is.EqualTo("nonce"));
            Assert.That(Query(handshake, "__clerk_hs_reason"), Is.EqualTo("client-uat-but-no-session-token"));

            Assert.That(atFrontendApi.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
            Assert.That(back.GetLeftPart(UriPartial.Path), Is.EqualTo(new Uri(sample.Url, "/account").AbsoluteUri));
            Assert.That(Query(back, "__clerk_handshake_nonce"), Is.Not.Empty);

            Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(SetCookieNames(signedIn), Is.SupersetOf(new[] { "__session", "__client_uat" }));
            Assert.That(page, Does.Contain($"<code id=\"user-id\">{DevelopmentFrontendApi.UserId}</code>"));
            Assert.That(await homeAgain.Content.ReadAsStringAsync(), Does.Contain($"<code id=\"user-id\">{DevelopmentFrontendApi.UserId}</code>"));
        });
    }

    [Test]
    public async Task A_stale_session_cookie_on_the_protected_page_is_refreshed_through_the_handshake()
    {
        await using var sample = await RunningSample.StartAsync();
        using (await sample.GetAsync(DevelopmentFrontendApi.PathPrefix + "/sign-in?redirect_url=%2F"))
        {
        }

        // Signed in ten minutes ago; the session token, from five minutes ago, lasted a minute.
        var stale = Expired();
        sample.Cookies.Add(sample.Url, new Cookie("__session", stale, "/"));
        sample.Cookies.Add(sample.Url, new Cookie("__client_uat", DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds().ToString(), "/"));

        using var protectedPage = await sample.GetAsync("/account");
        using var atFrontendApi = await sample.GetAsync(protectedPage.Headers.Location!);
        using var signedIn = await sample.GetAsync(atFrontendApi.Headers.Location!);
        var page = await signedIn.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(protectedPage.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
            Assert.That(protectedPage.Headers.Location!.AbsolutePath, Is.EqualTo(DevelopmentFrontendApi.PathPrefix + "/v1/client/handshake"));
            Assert.That(Query(protectedPage.Headers.Location!, "__clerk_hs_reason"), Does.StartWith("session-token-expired"));
            Assert.That(atFrontendApi.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
            Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page, Does.Contain($"<code id=\"user-id\">{DevelopmentFrontendApi.UserId}</code>"));
            Assert.That(sample.Cookies.GetCookies(sample.Url)["__session"]?.Value, Is.Not.Empty.And.Not.EqualTo(stale));
        });
    }

    [Test]
    public async Task The_api_route_answers_401_and_never_redirects()
    {
        await using var sample = await RunningSample.StartAsync();
        using (await sample.GetAsync(DevelopmentFrontendApi.PathPrefix + "/sign-in?redirect_url=%2F"))
        {
        }

        sample.Cookies.Add(sample.Url, new Cookie("__session", Expired(), "/"));
        using var fetch = await sample.GetAsync("/api/me", document: false);
        sample.Cookies.Add(sample.Url, new Cookie("__session", "not-a-token", "/"));
        using var malformed = await sample.GetAsync("/api/me", document: false);
        using var curl = await sample.GetAsync("/api/me", document: false, browserHeaders: false);
        Assert.Multiple(() =>
        {
            Assert.That(fetch.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(fetch.Headers.Location, Is.Null);
            Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(malformed.Headers.Location, Is.Null);
            Assert.That(curl.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(curl.Headers.Location, Is.Null);
        });
    }

    [Test]
    public void Outside_development_without_credentials_the_sample_refuses_to_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PagesSample.Build(["--urls=http://127.0.0.1:0", "--environment=Production"]));
        Assert.That(error!.Message, Does.Contain("not Development"));
    }

    private static string Expired() => ClerkDevelopmentKey.CreateTokens().Mint(ClerkDevelopmentKey.Descriptor() with
    {
        Subject = DevelopmentFrontendApi.UserId,
        IssuedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-4),
    });

    private static string[] SetCookieNames(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split('=', 2)[0]).ToArray() : [];

    private static string? Query(Uri url, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query).TryGetValue(name, out var value) ? value.ToString() : null;

    [GeneratedRegex("id=\"sign-in\" href=\"([^\"]+)\"")]
    private static partial Regex SignInLink();

    /// <summary>The sample on Kestrel, and a browser-like client: no automatic redirects, a cookie jar.</summary>
    private sealed class RunningSample : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly HttpClient _client;

        private RunningSample(WebApplication app, Uri url)
        {
            _app = app;
            Url = url;
            _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { Timeout = Bound };
        }

        public Uri Url { get; }

        public CookieContainer Cookies { get; } = new();

        public static async Task<RunningSample> StartAsync()
        {
            var app = PagesSample.Build(["--urls=http://127.0.0.1:0", "--environment=Development"]);
            using var timeout = new CancellationTokenSource(Bound);
            await app.StartAsync(timeout.Token);
            return new RunningSample(app, new Uri(app.Urls.Single()));
        }

        public Task<HttpResponseMessage> GetAsync(string pathAndQuery, bool document = true, bool browserHeaders = true) =>
            GetAsync(new Uri(Url, pathAndQuery), document, browserHeaders);

        /// <summary>A navigation (document) or a fetch; without browser headers, as curl sends it.</summary>
        public Task<HttpResponseMessage> GetAsync(Uri url, bool document = true, bool browserHeaders = true)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url.IsAbsoluteUri ? url : new Uri(Url, url));
            if (browserHeaders)
            {
                request.Headers.TryAddWithoutValidation("Sec-Fetch-Dest", document ? "document" : "empty");
                request.Headers.TryAddWithoutValidation("Accept", document ? "text/html" : "application/json");
            }

            return _client.SendAsync(request);
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            using var timeout = new CancellationTokenSource(Bound);
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }
    }
}
