using System.Text;
using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Requests;
using Clerk.Generated.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Tokens.Tests.Requests;

/// <summary>The authenticator's own contract: configuration errors, request adapters, hostile input, the documented example.</summary>
public sealed class RequestAuthenticatorTests
{
    private static readonly string DevelopmentPublishableKey = "pk_test_" + Convert.ToBase64String(Encoding.ASCII.GetBytes("clerk.development.invalid$")).TrimEnd('=');

    [Test]
    public void Publishable_keys_parse_into_frontend_api_instance_type_and_cookie_suffix()
    {
        var key = ClerkPublishableKey.Parse(RequestScenarios.ProductionKey);
        Assert.Multiple(() =>
        {
            Assert.That(key.InstanceType, Is.EqualTo(ClerkInstanceType.Production));
            Assert.That(key.FrontendApi, Is.EqualTo("clerk.example.com"));
            Assert.That(key.Issuer, Is.EqualTo("https://clerk.example.com"));
            Assert.That(key.CookieSuffix, Has.Length.EqualTo(8));
            Assert.That(ClerkPublishableKey.Parse(RequestScenarios.DevelopmentKey).InstanceType, Is.EqualTo(ClerkInstanceType.Development));
            Assert.That(key.ResolveFrontendApi(null, "sat.example.org", isSatellite: true), Is.EqualTo("clerk.sat.example.org"));
            Assert.That(key.ResolveFrontendApi("https://app.example.com/__clerk", "sat.example.org", isSatellite: true), Is.EqualTo("https://app.example.com/__clerk"));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("sk_test_abc")]
    [TestCase("pk_live_")]
    [TestCase("pk_live_!!!")]
    [TestCase("pk_live_Y2xlcmsuZXhhbXBsZS5jb20")] // "clerk.example.com" without the trailing '$'
    [TestCase("pk_live_bm9kb3Qk")] // "nodot$"
    [TestCase("pk_live_a_Y2xlcmsuZXhhbXBsZS5jb20k")]
    public void Malformed_publishable_keys_are_refused_with_a_clear_error(string? key)
    {
        Assert.That(ClerkPublishableKey.TryParse(key, out _), Is.False);
        var error = Assert.Throws<ArgumentException>(() => new ClerkRequestAuthenticator(new() { PublishableKey = key }, StaticJwksProvider.FromPem(SharedKeys.Primary.PublicKeyPem)));
        Assert.That(error!.Message, Does.Contain("publishable key"));
    }

    [Test]
    public void An_incomplete_satellite_setup_is_refused_at_construction()
    {
        var keys = StaticJwksProvider.FromPem(SharedKeys.Primary.PublicKeyPem);
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => new ClerkRequestAuthenticator(new() { PublishableKey = RequestScenarios.ProductionKey, IsSatellite = true }, keys));
            Assert.Throws<ArgumentException>(() => new ClerkRequestAuthenticator(new() { PublishableKey = RequestScenarios.DevelopmentKey, IsSatellite = true, Domain = "sat.localhost" }, keys));
            Assert.Throws<ArgumentException>(() => new ClerkRequestAuthenticator(new() { PublishableKey = RequestScenarios.ProductionKey, ProxyUrl = "ftp://proxy" }, keys));
        });
    }

    [Test]
    public async Task HttpRequestMessage_adapter_reads_method_url_headers_and_cookies()
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "https://app.example.com/dashboard?tab=1");
        message.Headers.TryAddWithoutValidation("Cookie", "__client_uat=0; __session=abc%20def; __session=second");
        message.Headers.TryAddWithoutValidation("Sec-Fetch-Dest", "document");
        var request = ClerkAuthenticationRequest.FromHttpRequestMessage(message);
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.GetHeader("sec-fetch-dest"), Is.EqualTo("document"));
            Assert.That(request.GetCookie("__session"), Is.EqualTo("abc def"), "first occurrence wins, URI-decoded");
            Assert.That(request.GetCookie("__client_uat"), Is.EqualTo("0"));
        });

        var authenticator = new ClerkRequestAuthenticator(new() { PublishableKey = RequestScenarios.ProductionKey }, StaticJwksProvider.FromPem(SharedKeys.Primary.PublicKeyPem));
        var state = await authenticator.AuthenticateAsync(request);
        Assert.That(state.Status, Is.EqualTo(ClerkAuthStatus.Handshake));
        Assert.That(state.Reason, Is.EqualTo(ClerkAuthReason.SessionTokenWithoutClientUat));
        Assert.That(state.Location, Does.StartWith("https://clerk.example.com/v1/client/handshake?redirect_url=https%3A%2F%2Fapp.example.com%2Fdashboard%3Ftab%3D1&"));
    }

    /// <summary>Hostile cookies, headers and URLs: always a state, never an exception, never an outbound call.</summary>
    [Test]
    public async Task Hostile_input_gives_a_state_never_an_exception_or_an_outbound_call()
    {
        var handler = new CountingHandler();
        using var http = new HttpClient(handler);
        var authenticator = new ClerkRequestAuthenticator(
            new() { PublishableKey = RequestScenarios.DevelopmentKey, SecretKey = "sk_test_x", OrganizationSync = new() { OrganizationPatterns = { "/orgs/:slug" } } },
            StaticJwksProvider.FromPem(SharedKeys.Primary.PublicKeyPem),
            http);
        var random = new Random(5);
        string[] fragments = ["%", "%zz", "%C3%28", "=", ";", "..", "\t", " ", "\u00e9", "\ud83d\ude00", "eyJ", ".", "Bearer", "0x10", "-1", "1e309", "NaN", new string('a', 20_000), "{\"alg\":\"none\"}", "__session", "\0"];
        string Garbage() => string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => fragments[random.Next(fragments.Length)]));
        for (var i = 0; i < 500; i++)
        {
            var headers = new List<KeyValuePair<string, string>>
            {
                new("cookie", $"__session={Garbage()}; __client_uat={Garbage()}; __clerk_db_jwt={Garbage()}; __clerk_redirect_count={Garbage()}; {Garbage()}={Garbage()}"),
                new("authorization", random.Next(3) == 0 ? "Bearer " + Garbage() : Garbage()),
                new("sec-fetch-dest", random.Next(2) == 0 ? "document" : Garbage()),
                new("referer", Garbage()),
                new("x-forwarded-host", Garbage()),
            };
            var url = new Uri("https://app.example.com/orgs/" + Uri.EscapeDataString(Garbage()) + "?__clerk_redirect_url=" + Uri.EscapeDataString(Garbage()) + "&__clerk_db_jwt=" + Uri.EscapeDataString(Garbage()));
            var state = await authenticator.AuthenticateAsync(new ClerkAuthenticationRequest("GET", url, headers));
            Assert.That(state.Status, Is.Not.EqualTo(ClerkAuthStatus.SignedIn));
        }

        Assert.That(handler.Calls, Is.Zero);
    }

    [Test]
    public async Task Pending_sessions_are_signed_out_unless_opted_in()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var tokens = ClerkDevelopmentKey.CreateTokens(time);
        var pending = tokens.Mint(ClerkDevelopmentKey.Descriptor() with { SessionStatus = "pending" });
        var request = new ClerkAuthenticationRequest("GET", new Uri("https://api.example.com/items"), [new("Authorization", "Bearer " + pending)]);
        var keys = StaticJwksProvider.FromPem(ClerkDevelopmentKey.PublicKeyPem);

        var byDefault = await new ClerkRequestAuthenticator(new() { PublishableKey = DevelopmentPublishableKey }, keys, timeProvider: time).AuthenticateAsync(request);
        var optedIn = await new ClerkRequestAuthenticator(new() { PublishableKey = DevelopmentPublishableKey, TreatPendingAsSignedOut = false }, keys, timeProvider: time).AuthenticateAsync(request);
        Assert.Multiple(() =>
        {
            Assert.That(byDefault.Status, Is.EqualTo(ClerkAuthStatus.SignedOut));
            Assert.That(byDefault.Reason, Is.EqualTo(ClerkAuthReason.SessionPending));
            Assert.That(optedIn.IsSignedIn, Is.True);
            Assert.That(optedIn.SessionToken!.SessionStatus, Is.EqualTo("pending"));
        });
    }

    /// <summary>The example in docs/requests.md, verbatim apart from the variables the test provides.</summary>
    [Test]
    public async Task The_documented_example_runs()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var tokens = ClerkDevelopmentKey.CreateTokens(time);
        var publishableKey = DevelopmentPublishableKey;
        var jwtKeyPem = ClerkDevelopmentKey.PublicKeyPem;
        using var httpClient = new HttpClient(new CountingHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/items");
        request.Headers.Authorization = new("Bearer", tokens.Mint(ClerkDevelopmentKey.Descriptor()));
        var response = new List<string>();

        // --- docs/requests.md ---
        var authenticator = new ClerkRequestAuthenticator(
            new ClerkRequestAuthenticatorOptions
            {
                PublishableKey = publishableKey,             // CLERK_PUBLISHABLE_KEY: frontend API, instance type, issuer
                SecretKey = Environment.GetEnvironmentVariable("CLERK_SECRET_KEY"), // resolves handshake nonces
                AuthorizedParties = { "http://localhost:3000" },
            },
            StaticJwksProvider.FromPem(jwtKeyPem),          // CLERK_JWT_KEY; or a JwksCache
            httpClient,
            timeProvider: time);

        var state = await authenticator.AuthenticateAsync(ClerkAuthenticationRequest.FromHttpRequestMessage(request));
        switch (state.Status)
        {
            case ClerkAuthStatus.SignedIn:
                response.Add($"200 hello {state.SessionToken?.Subject ?? state.MachineToken?.Subject}");
                break;
            case ClerkAuthStatus.Handshake:
                response.Add($"307 Location: {state.Location}");   // also send every header in state.Headers
                break;
            default:
                response.Add($"401 {state.ReasonCode}");
                break;
        }

        // --- end ---
        Assert.That(response, Is.EqualTo(new[] { "200 hello user_2testSubject000000000000" }));
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NotFound));
        }
    }
}
