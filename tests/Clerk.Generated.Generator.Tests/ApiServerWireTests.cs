using System.Net;
using System.Reflection;
using Clerk.Generated.Generator.Tests.Support;
using Clerk.Generated.Http;

namespace Clerk.Generated.Generator.Tests;

/// <summary>
/// Where clients generated from Frontend and Platform API specs send, and with which credentials: the fixtures are
/// generated and compiled with a consumer, which calls a listener on 127.0.0.1 that records the exact URL and headers.
/// The Backend API's URL and secret key are covered by <see cref="WireTests"/>.
/// </summary>
[NonParallelizable]
public sealed class ApiServerWireTests
{
    private const string ConsumerSource = """
        namespace Consumer;

        /// <summary>Calls the generated Frontend and Platform clients with the options the test gives.</summary>
        public static class Calls
        {
            /// <summary>GET /v1/client.</summary>
            public static async System.Threading.Tasks.Task<string> GetClient(Clerk.Generated.Http.ClerkClientOptions options)
            {
                var client = await new Fixtures.FrontendApi.ClerkClient(options).Client.GetClientAsync();
                return client.Id;
            }

            /// <summary>POST /v1/client/sessions/{session_id}/touch with a query parameter.</summary>
            public static async System.Threading.Tasks.Task<string> TouchSession(Clerk.Generated.Http.ClerkClientOptions options)
            {
                var client = await new Fixtures.FrontendApi.ClerkClient(options).Sessions.TouchSessionAsync("sess 1/2", activeOrganizationId: "org_1");
                return client.Id;
            }

            /// <summary>GET /.well-known/jwks.json, outside /v1.</summary>
            public static async System.Threading.Tasks.Task<string> GetJwks(Clerk.Generated.Http.ClerkClientOptions options)
            {
                var jwks = await new Fixtures.FrontendApi.ClerkClient(options).WellKnown.GetJwksAsync();
                return jwks.Keys![0].Kid!;
            }

            /// <summary>GET /v1/environment, whose security is anonymous or the dev-browser token.</summary>
            public static async System.Threading.Tasks.Task<string> GetEnvironment(Clerk.Generated.Http.ClerkClientOptions options)
            {
                var environment = await new Fixtures.FrontendApi.ClerkClient(options).Environment.GetEnvironmentAsync();
                return environment.DisplayConfig!.ApplicationName!;
            }

            /// <summary>POST /v1/client/sign_ins, anonymous only (security: [{}]).</summary>
            public static async System.Threading.Tasks.Task<string> CreateSignIn(Clerk.Generated.Http.ClerkClientOptions options)
            {
                var client = await new Fixtures.FrontendApi.ClerkClient(options).SignIns.CreateSignInAsync();
                return client.Id;
            }

            /// <summary>POST /oauth/token, ClientCredentials or anonymous.</summary>
            public static async System.Threading.Tasks.Task<string> GetOAuthToken(Clerk.Generated.Http.ClerkClientOptions options)
            {
                var token = await new Fixtures.FrontendApi.ClerkClient(options).OAuth2IdentityProvider.GetOAuthTokenAsync(
                    new Fixtures.FrontendApi.GetOAuthTokenRequest { GrantType = "authorization_code", Code = "code_1" });
                return token.AccessToken;
            }

            /// <summary>POST /oauth/token/revoke, ClientCredentials only.</summary>
            public static async System.Threading.Tasks.Task<string> RevokeOAuthToken(Clerk.Generated.Http.ClerkClientOptions options)
            {
                await new Fixtures.FrontendApi.ClerkClient(options).OAuth2IdentityProvider.RevokeOAuthTokenAsync();
                return "revoked";
            }

            /// <summary>POST /oauth/token/revoke through the raw escape hatch, which follows the catalogue's security too.</summary>
            public static async System.Threading.Tasks.Task<string> RevokeOAuthTokenRaw(Clerk.Generated.Http.ClerkClientOptions options)
            {
                using var response = await new Fixtures.FrontendApi.ClerkClient(options).SendRawAsync(Fixtures.FrontendApi.ClerkEndpoints.RevokeOAuthToken);
                return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            /// <summary>The URI the Frontend API client would send GET /v1/client to, without sending.</summary>
            public static string ClientUri(Clerk.Generated.Http.ClerkClientOptions options)
            {
                var request = Clerk.Generated.Http.ClerkRequest.ForEndpoint(Fixtures.FrontendApi.ClerkEndpoints.GetClient);
                return new Fixtures.FrontendApi.ClerkClient(options).Transport.GetRequestUri(request).ToString();
            }

            /// <summary>GET /platform/applications/{applicationID} on the Platform API.</summary>
            public static async System.Threading.Tasks.Task<string> GetApplication(Clerk.Generated.Http.ClerkClientOptions options)
            {
                var application = await new Fixtures.PlatformApi.ClerkClient(options).Applications.GetApplicationAsync("app_1");
                return application.Id;
            }
        }
        """;

    private const string ClientJson = """{"object":"client","id":"client_1","last_active_session_id":null}""";

    private static readonly Lazy<Type> Calls = new(() => GeneratorHarness.CompileAndLoad(
        new[] { SpecItem.Fixture("frontend-api.yml", @namespace: "Fixtures.FrontendApi"), SpecItem.Fixture("platform-api.yml", @namespace: "Fixtures.PlatformApi") },
        ConsumerSource,
        "ApiServerConsumer",
        "Consumer.Calls"));

    [Test]
    public async Task A_frontend_client_token_goes_in_the_authorization_header_with_the_native_flag_and_the_secret_key_never_does()
    {
        var (result, request) = await CallAsync("GetClient", ClientJson, url => new ClerkClientOptions { FrontendApiUrl = url, ClientToken = "client_tok", SecretKey = "sk_test_never_sent" });

        Assert.That(result, Is.EqualTo("client_1"));
        Assert.That(request.Method, Is.EqualTo("GET"));
        Assert.That(request.PathAndQuery, Is.EqualTo("/v1/client?_is_native=true"), "the spec's path as written, with no base path before it");
        Assert.That(request.Headers["Authorization"], Is.EqualTo("Bearer client_tok"));
        Assert.That(request.Headers["Clerk-API-Version"], Is.Null, "the Frontend API spec's version 'v1' names the document, not an API version");
        Assert.That(request.Headers.AllKeys.Select(k => request.Headers[k]), Has.None.Contains("sk_test_never_sent"));
    }

    [Test]
    public async Task A_dev_browser_token_goes_in_the_query_after_the_operations_own_parameters_and_no_authorization_is_sent()
    {
        var (result, request) = await CallAsync("TouchSession", ClientJson, url => new ClerkClientOptions { FrontendApiUrl = url, DevBrowserToken = "dvb_1+x", SecretKey = "sk_test_never_sent" });

        Assert.That(result, Is.EqualTo("client_1"));
        Assert.That(request.Method, Is.EqualTo("POST"));
        Assert.That(request.PathAndQuery, Is.EqualTo("/v1/client/sessions/sess%201%2F2/touch?active_organization_id=org_1&__dev_session=dvb_1%2Bx"));
        Assert.That(request.Headers["Authorization"], Is.Null);
    }

    [Test]
    public async Task A_well_known_path_outside_v1_is_sent_as_the_spec_writes_it_and_anonymous_calls_carry_no_credentials()
    {
        var (result, request) = await CallAsync("GetJwks", """{"keys":[{"kid":"ins_1"}]}""", EveryCredential);

        Assert.That(result, Is.EqualTo("ins_1"));
        Assert.That(request.PathAndQuery, Is.EqualTo("/.well-known/jwks.json"), "security: [] sends no scheme's query parameter");
        AssertNoCredentials(request);
    }

    [Test]
    public async Task An_operation_that_is_anonymous_only_sends_no_credentials_however_many_are_configured()
    {
        var (result, request) = await CallAsync("CreateSignIn", ClientJson, EveryCredential);

        Assert.That(result, Is.EqualTo("client_1"));
        Assert.That(request.PathAndQuery, Is.EqualTo("/v1/client/sign_ins"));
        AssertNoCredentials(request);
    }

    [Test]
    public async Task The_client_credentials_scheme_sends_the_form_encoded_id_and_secret_as_basic_and_nothing_else()
    {
        var (result, request) = await CallAsync("GetOAuthToken", """{"access_token":"at_1"}""", url => EveryCredential(url));

        // RFC 6749 2.3.1: each form-encoded (space as '+', reserved and non-ASCII percent-encoded), then RFC 7617.
        var expected = "Basic " + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("client+id%3A1:s%2Bcr%C3%A9t%2F%25+%26%3D"));
        Assert.That(result, Is.EqualTo("at_1"));
        Assert.That(request.Headers["Authorization"], Is.EqualTo(expected));
        Assert.That(request.PathAndQuery, Is.EqualTo("/oauth/token"), "no _is_native or __dev_session: the alternative names only ClientCredentials");
        Assert.That(request.Headers["Cookie"], Is.Null);
        Assert.That(request.Body, Is.EqualTo("grant_type=authorization_code&code=code_1"));
    }

    [Test]
    public async Task Without_client_credentials_an_operation_that_also_accepts_anonymous_is_sent_without_the_client_token()
    {
        var (_, request) = await CallAsync("GetOAuthToken", """{"access_token":"at_1"}""", url => new ClerkClientOptions { FrontendApiUrl = url, ClientToken = "client_tok", DevBrowserToken = "dvb_1" });

        AssertNoCredentials(request);
        Assert.That(request.PathAndQuery, Is.EqualTo("/oauth/token"));
    }

    [Test]
    public async Task The_client_cookie_goes_in_a_cookie_header_and_wins_over_the_client_token_in_the_specs_order()
    {
        var (result, request) = await CallAsync("GetClient", ClientJson, url => new ClerkClientOptions { FrontendApiUrl = url, ClientCookie = "eyJhbGciOi.x-y_z", ClientToken = "client_tok" });

        Assert.That(result, Is.EqualTo("client_1"));
        Assert.That(request.Headers["Cookie"], Is.EqualTo("__client=eyJhbGciOi.x-y_z"));
        Assert.That(request.Headers["Authorization"], Is.Null);
        Assert.That(request.PathAndQuery, Is.EqualTo("/v1/client"));
    }

    [Test]
    public async Task An_operation_of_the_dev_browser_or_anonymous_sends_the_dev_browser_token_and_nothing_else()
    {
        var (result, request) = await CallAsync("GetEnvironment", """{"display_config":{"application_name":"Acme"}}""", EveryCredential);

        Assert.That(result, Is.EqualTo("Acme"));
        Assert.That(request.PathAndQuery, Is.EqualTo("/v1/environment?__dev_session=dvb_1"));
        Assert.That(request.Headers["Authorization"], Is.Null);
        Assert.That(request.Headers["Cookie"], Is.Null);
    }

    [Test]
    public async Task An_operation_of_the_dev_browser_or_anonymous_is_sent_anonymously_with_only_a_client_token()
    {
        var (_, request) = await CallAsync("GetEnvironment", """{"display_config":{"application_name":"Acme"}}""", url => new ClerkClientOptions { FrontendApiUrl = url, ClientToken = "client_tok" });

        AssertNoCredentials(request);
        Assert.That(request.PathAndQuery, Is.EqualTo("/v1/environment"));
    }

    [TestCase("RevokeOAuthToken")]
    [TestCase("RevokeOAuthTokenRaw")]
    public async Task An_operation_whose_credentials_are_not_configured_fails_typed_before_any_request(string method)
    {
        var (error, requestArrived) = await LoopbackServer.CallExpectingNoRequestAsync(
            url => (Task<string>)Invoke(method, new ClerkClientOptions { FrontendApiUrl = url, ClientToken = "client_s3cret", DevBrowserToken = "dvb_s3cret" }));

        Assert.That(requestArrived, Is.False);
        Assert.That(error, Is.TypeOf<ClerkCredentialsRequiredException>());
        var missing = (ClerkCredentialsRequiredException)error!;
        Assert.That(missing.OperationId, Is.EqualTo("revokeOAuthToken"));
        Assert.That(missing.Security.Alternatives, Is.EqualTo(new[] { ClerkCredentials.OAuthClientCredentials }));
        Assert.That(missing.Message, Does.Contain("revokeOAuthToken").And.Contain("Clerk:OAuthClientId and Clerk:OAuthClientSecret"));
        Assert.That(missing.Message, Does.Not.Contain("s3cret"));
    }

    [TestCase("pk_test_ZXhhbXBsZS1kZXN0aW5lZC1jYW1lbC0xMy5jbGVyay5hY2NvdW50cy5kZXYk", "https://example-destined-camel-13.clerk.accounts.dev/v1/client")]
    [TestCase("pk_live_Y2xlcmsuZXhhbXBsZS5jb20k", "https://clerk.example.com/v1/client")]
    public void Without_a_frontend_api_url_the_host_comes_from_the_publishable_key(string publishableKey, string expected)
    {
        var uri = (string)Invoke("ClientUri", new ClerkClientOptions { PublishableKey = publishableKey });

        Assert.That(uri, Is.EqualTo(expected));
    }

    [Test]
    public void The_frontend_api_url_wins_over_the_publishable_key()
    {
        var uri = (string)Invoke("ClientUri", new ClerkClientOptions { FrontendApiUrl = "https://proxy.example.com/__clerk", PublishableKey = "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k" });

        Assert.That(uri, Is.EqualTo("https://proxy.example.com/__clerk/v1/client"));
    }

    [Test]
    public void A_frontend_client_without_a_url_or_publishable_key_fails_with_a_frontend_error_naming_both()
    {
        var options = new ClerkClientOptions { SecretKey = "sk_test_present_but_irrelevant", PublishableKey = "" };

        var error = Assert.Throws<TargetInvocationException>(() => Invoke("ClientUri", options))!.InnerException as ClerkClientOptionsException;

        Assert.That(error, Is.Not.Null);
        Assert.That(error!.ApiKind, Is.EqualTo(ClerkApiKind.Frontend));
        Assert.That(error.Failures, Has.Exactly(1).Contains("FrontendApiUrl").And.Contains("PublishableKey"));
        Assert.That(error.Message, Does.Not.Contain("sk_test_present_but_irrelevant"));
    }

    [Test]
    public async Task A_platform_client_sends_its_access_token_to_the_v1_base_path()
    {
        var (result, request) = await CallAsync("GetApplication", """{"id":"app_1"}""", url => new ClerkClientOptions { ApiUrl = url, PlatformAccessToken = "plat_tok", SecretKey = "sk_test_never_sent" });

        Assert.That(result, Is.EqualTo("app_1"));
        Assert.That(request.PathAndQuery, Is.EqualTo("/v1/platform/applications/app_1"));
        Assert.That(request.Headers["Authorization"], Is.EqualTo("Bearer plat_tok"));
        Assert.That(request.Headers["Clerk-API-Version"], Is.Null, "the Platform spec's version 'beta' is not an API version");
    }

    [Test]
    public void A_platform_client_with_only_a_secret_key_fails_with_a_platform_error_that_does_not_quote_the_key()
    {
        var error = Assert.ThrowsAsync<ClerkClientOptionsException>(() => (Task<string>)Invoke("GetApplication", new ClerkClientOptions { SecretKey = "sk_test_only_this" }));

        Assert.That(error!.ApiKind, Is.EqualTo(ClerkApiKind.Platform));
        Assert.That(error.Failures, Has.Exactly(1).Contains("PlatformAccessToken"));
        Assert.That(error.Message, Does.Not.Contain("sk_test_only_this"));
    }

    /// <summary>Every Frontend API credential at once, the OAuth ones with characters that form encoding changes.</summary>
    private static ClerkClientOptions EveryCredential(string url) => new()
    {
        FrontendApiUrl = url,
        ClientToken = "client_tok",
        DevBrowserToken = "dvb_1",
        ClientCookie = "cookie_1",
        OAuthClientId = "client id:1",
        OAuthClientSecret = "s+crét/% &=",
        SecretKey = "sk_test_never_sent",
    };

    private static void AssertNoCredentials(RecordedRequest request)
    {
        Assert.That(request.Headers["Authorization"], Is.Null);
        Assert.That(request.Headers["Cookie"], Is.Null);
        Assert.That(request.PathAndQuery, Does.Not.Contain("_is_native").And.Not.Contain("__dev_session"));
    }

    private static object Invoke(string method, ClerkClientOptions options) =>
        Calls.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [options])!;

    private static Task<(string Result, RecordedRequest Request)> CallAsync(string method, string json, Func<string, ClerkClientOptions> options) =>
        LoopbackServer.CallAsync(url => (Task<string>)Invoke(method, options(url)), json, HttpStatusCode.OK);
}
