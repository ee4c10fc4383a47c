using System.Net;
using System.Text;
using Clerk.Generated.DependencyInjection;
using Clerk.Generated.Http;
using Microsoft.Extensions.Configuration;

namespace Clerk.Generated.Runtime.Tests.Http;

/// <summary>
/// The credentials operations choose among: the options that supply them (validated so no value can break a header or
/// a cookie, never quoted), which alternative the transport picks for an operation's security, and what goes out.
/// </summary>
public sealed class SecurityOptionsTests
{
    private const string FrontendUrl = "https://clerk.example.com";

    [TestCase("a;b", TestName = "a semicolon")]
    [TestCase("a\r\nSet-Cookie: x=1", TestName = "a line break")]
    [TestCase("a b", TestName = "a space")]
    [TestCase("a\"b", TestName = "a quote")]
    [TestCase("a,b", TestName = "a comma")]
    [TestCase("a\\b", TestName = "a backslash")]
    [TestCase("a\u0001b", TestName = "a control character")]
    [TestCase("aéb", TestName = "a non-ASCII character")]
    public void A_client_cookie_that_is_not_a_cookie_value_is_a_typed_error_that_does_not_quote_it(string cookie)
    {
        var options = new ClerkClientOptions { FrontendApiUrl = FrontendUrl, ClientCookie = cookie + "s3cret" };

        var error = Assert.Throws<ClerkClientOptionsException>(() => _ = new ClerkHttpTransport(new HttpClient(), options, Frontend()));

        Assert.That(error!.Failures.Single(), Does.Contain("ClientCookie"));
        Assert.That(error.Message, Does.Not.Contain("s3cret"));
    }

    [Test]
    public void The_oauth_client_id_and_secret_are_set_together()
    {
        var idOnly = ClerkClientOptionsValidator.GetFailures(new ClerkClientOptions { FrontendApiUrl = FrontendUrl, OAuthClientId = "id" }, ClerkApiKind.Frontend);
        var secretOnly = ClerkClientOptionsValidator.GetFailures(new ClerkClientOptions { FrontendApiUrl = FrontendUrl, OAuthClientSecret = "s3cret" }, ClerkApiKind.Frontend);

        Assert.That(idOnly.Single(), Does.StartWith("Clerk:OAuthClientSecret is not set"));
        Assert.That(secretOnly.Single(), Does.StartWith("Clerk:OAuthClientId is not set").And.Not.Contain("s3cret"));
    }

    // Built in code: an attribute's string cannot hold an unpaired surrogate (it is stored as UTF-8).
    [TestCase('\n', TestName = "a line feed")]
    [TestCase('\0', TestName = "a NUL")]
    [TestCase('\ud800', TestName = "an unpaired surrogate")]
    public void An_oauth_client_secret_with_a_control_character_or_broken_text_is_a_typed_error_that_does_not_quote_it(char bad)
    {
        var secret = "s3cret" + bad;
        var options = new ClerkClientOptions { FrontendApiUrl = FrontendUrl, OAuthClientId = "id", OAuthClientSecret = secret };

        var error = Assert.Throws<ClerkClientOptionsException>(() => _ = new ClerkHttpTransport(new HttpClient(), options, Frontend()));

        Assert.That(error!.Failures.Single(), Does.Contain("OAuthClientSecret"));
        Assert.That(error.Message, Does.Not.Contain("s3cret"));
    }

    [Test]
    public void ToString_redacts_the_client_cookie_and_the_oauth_secret_and_shows_the_client_id()
    {
        var options = new ClerkClientOptions { ClientCookie = "cookie_s3cret", OAuthClientId = "oauth_app_1", OAuthClientSecret = "oauth_s3cret" };

        Assert.That(options.ToString(), Does.Not.Contain("s3cret").And.Contain("OAuthClientId=oauth_app_1").And.Contain("ClientCookie=(set, redacted)"));
    }

    [Test]
    public void Configuration_binds_the_client_cookie_and_the_oauth_credentials()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Clerk:ClientCookie"] = "cookie_1",
            ["Clerk:OAuthClientId"] = "id_1",
            ["Clerk:OAuthClientSecret"] = "secret_1",
        }).Build().GetSection("Clerk");
        var options = new ClerkClientOptions();

        ClerkClientOptionsConfiguration.Bind(section, options);

        Assert.That((options.ClientCookie, options.OAuthClientId, options.OAuthClientSecret), Is.EqualTo(("cookie_1", "id_1", "secret_1")));
    }

    [Test]
    public async Task Basic_credentials_form_encode_id_and_secret_as_in_the_example_of_rfc_6749_appendix_b()
    {
        // Appendix B: " %&+£€" is encoded as "+%25%26%2B%C2%A3%E2%82%AC".
        var sent = await SendAsync(new ClerkClientOptions { FrontendApiUrl = FrontendUrl, OAuthClientId = "app:1", OAuthClientSecret = " %&+£€" }, new ClerkSecurity(ClerkCredentials.OAuthClientCredentials));

        Assert.That(sent.Headers.Authorization?.ToString(), Is.EqualTo("Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("app%3A1:+%25%26%2B%C2%A3%E2%82%AC"))));
    }

    [Test]
    public async Task The_first_credentialed_alternative_the_options_satisfy_wins_over_the_anonymous_one_before_it()
    {
        var security = new ClerkSecurity(ClerkCredentials.None, ClerkCredentials.DevBrowserToken, ClerkCredentials.ClientCookie, ClerkCredentials.ClientToken | ClerkCredentials.NativeFlag);

        var native = await SendAsync(new ClerkClientOptions { FrontendApiUrl = FrontendUrl, ClientToken = "tok_1" }, security);
        var cookie = await SendAsync(new ClerkClientOptions { FrontendApiUrl = FrontendUrl, ClientToken = "tok_1", ClientCookie = "c_1" }, security);
        var anonymous = await SendAsync(new ClerkClientOptions { FrontendApiUrl = FrontendUrl }, security);

        Assert.That((native.RequestUri!.Query, native.Headers.Authorization?.ToString()), Is.EqualTo(("?_is_native=true", "Bearer tok_1")));
        Assert.That((cookie.RequestUri!.Query, cookie.Headers.Authorization, string.Join(";", cookie.Headers.GetValues("Cookie"))), Is.EqualTo(("", (object?)null, "__client=c_1")));
        Assert.That((anonymous.RequestUri!.Query, anonymous.Headers.Authorization, anonymous.Headers.Contains("Cookie")), Is.EqualTo(("", (object?)null, false)));
    }

    [Test]
    public void An_operation_needing_credentials_that_are_not_configured_throws_naming_the_operation_and_the_options()
    {
        var transport = new ClerkHttpTransport(new HttpClient(new CapturingHandler()), new ClerkClientOptions { FrontendApiUrl = FrontendUrl, ClientToken = "tok_s3cret" }, Frontend());
        var request = new ClerkRequest(HttpMethod.Get, "getThing", "/thing", "/thing") { Security = new ClerkSecurity(ClerkCredentials.DevBrowserToken, ClerkCredentials.ClientCookie) };

        var error = Assert.ThrowsAsync<ClerkCredentialsRequiredException>(() => transport.SendAsync(request, CancellationToken.None));

        Assert.That(error!.OperationId, Is.EqualTo("getThing"));
        Assert.That(error.Message, Does.Contain("'getThing'").And.Contain("set one of Clerk:DevBrowserToken; Clerk:ClientCookie").And.Not.Contain("s3cret"));
    }

    [Test]
    public async Task A_backend_request_of_an_anonymous_operation_carries_no_secret_key()
    {
        var handler = new CapturingHandler();
        var transport = new ClerkHttpTransport(new HttpClient(handler), new ClerkClientOptions { SecretKey = "sk_test_s3cret" }, ClerkApiDescription.Backend("2026-05-12"));

        await transport.SendAsync(new ClerkRequest(HttpMethod.Get, "GetPublicInterstitial", "/public/interstitial", "/public/interstitial") { Security = ClerkSecurity.Anonymous }, CancellationToken.None);
        await transport.SendAsync(new ClerkRequest(HttpMethod.Get, "GetUserList", "/users", "/users"), CancellationToken.None);

        Assert.That(handler.Requests[0].Headers.Authorization, Is.Null);
        Assert.That(handler.Requests[1].Headers.Authorization?.ToString(), Is.EqualTo("Bearer sk_test_s3cret"), "the API's security: the secret key");
    }

    private static ClerkApiDescription Frontend() => new(ClerkApiKind.Frontend, "v1", string.Empty);

    private static async Task<HttpRequestMessage> SendAsync(ClerkClientOptions options, ClerkSecurity security)
    {
        var handler = new CapturingHandler();
        var transport = new ClerkHttpTransport(new HttpClient(handler), options, Frontend());
        await transport.SendAsync(new ClerkRequest(HttpMethod.Get, "GetThing", "/v1/thing", "/v1/thing") { Security = security }, CancellationToken.None);
        return handler.Requests.Single();
    }

    /// <summary>Records each request and answers 204.</summary>
    private sealed class CapturingHandler : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        }
    }
}
