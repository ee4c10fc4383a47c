using Clerk.Generated.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clerk.Generated.Runtime.Tests.Http;

/// <summary>Options validation and redaction for each API a client can be generated for.</summary>
[NonParallelizable]
public sealed class ApiKindOptionsTests
{
    private const string PublishableKey = "pk_test_ZXhhbXBsZS1kZXN0aW5lZC1jYW1lbC0xMy5jbGVyay5hY2NvdW50cy5kZXYk";

    [TearDown]
    public void ClearEnvironment() => Environment.SetEnvironmentVariable(ClerkClientOptions.PublishableKeyEnvironmentVariable, null);

    [Test]
    public void A_frontend_client_needs_no_secret_key_but_a_url_or_publishable_key()
    {
        Assert.That(ClerkClientOptionsValidator.GetFailures(new ClerkClientOptions { PublishableKey = PublishableKey }, ClerkApiKind.Frontend), Is.Empty);
        Assert.That(ClerkClientOptionsValidator.GetFailures(new ClerkClientOptions { FrontendApiUrl = "https://clerk.example.com" }, ClerkApiKind.Frontend), Is.Empty);
        Assert.That(ClerkClientOptionsValidator.GetFailures(new ClerkClientOptions(), ClerkApiKind.Frontend).Single(), Does.Contain("FrontendApiUrl").And.Contain("PublishableKey"));
    }

    [Test]
    public void The_publishable_key_falls_back_to_CLERK_PUBLISHABLE_KEY()
    {
        Environment.SetEnvironmentVariable(ClerkClientOptions.PublishableKeyEnvironmentVariable, PublishableKey);

        Assert.That(ClerkClientOptionsValidator.GetFailures(new ClerkClientOptions(), ClerkApiKind.Frontend), Is.Empty);
    }

    [TestCase("sk_test_secretvalue")]
    [TestCase("pk_test_bm90LWEtaG9zdA")]
    [TestCase("pk_live_!!")]
    public void A_malformed_publishable_key_is_rejected_without_being_quoted(string key)
    {
        var failure = ClerkClientOptionsValidator.GetFailures(new ClerkClientOptions { PublishableKey = key }, ClerkApiKind.Frontend).Single();

        Assert.That(failure, Does.Contain("PublishableKey").And.Not.Contain(key));
    }

    [TestCase("clerk.example.com")]
    [TestCase("https://clerk.example.com?x=1")]
    public void A_frontend_api_url_must_be_absolute_without_query(string url)
    {
        Assert.That(ClerkClientOptionsValidator.GetFailures(new ClerkClientOptions { FrontendApiUrl = url }, ClerkApiKind.Frontend).Single(), Does.Contain("FrontendApiUrl"));
    }

    [Test]
    public void Tokens_with_spaces_or_line_breaks_are_rejected_without_being_quoted()
    {
        var options = new ClerkClientOptions { PublishableKey = PublishableKey, ClientToken = "tok en", DevBrowserToken = "dvb\r\nX: 1" };

        var failures = ClerkClientOptionsValidator.GetFailures(options, ClerkApiKind.Frontend);

        Assert.That(failures, Has.Count.EqualTo(2));
        Assert.That(string.Join("\n", failures), Does.Contain("ClientToken").And.Contain("DevBrowserToken").And.Not.Contain("tok en"));
    }

    [Test]
    public void A_platform_client_needs_its_access_token_and_not_a_secret_key()
    {
        Assert.That(ClerkClientOptionsValidator.GetFailures(new ClerkClientOptions { PlatformAccessToken = "plat_token" }, ClerkApiKind.Platform), Is.Empty);
        Assert.That(ClerkClientOptionsValidator.GetFailures(new ClerkClientOptions { SecretKey = "sk_test_abc" }, ClerkApiKind.Platform).Single(), Does.Contain("PlatformAccessToken"));
    }

    [Test]
    public void The_transport_throws_a_typed_error_naming_the_api()
    {
        var error = Assert.Throws<ClerkClientOptionsException>(() => _ = new ClerkHttpTransport(new HttpClient(), new ClerkClientOptions(), new ClerkApiDescription(ClerkApiKind.Platform, "beta", "/v1")));

        Assert.That(error!.ApiKind, Is.EqualTo(ClerkApiKind.Platform));
        Assert.That(error.Failures.Single(), Does.Contain("PlatformAccessToken"));
        Assert.That(error.Message, Does.Contain("Platform API"));
    }

    [Test]
    public void ToString_redacts_every_token()
    {
        var options = new ClerkClientOptions { SecretKey = "sk_test_s3cret", PlatformAccessToken = "plat_s3cret", ClientToken = "client_s3cret", DevBrowserToken = "dvb_s3cret", PublishableKey = PublishableKey };
        var transport = new ClerkHttpTransport(new HttpClient(), options, new ClerkApiDescription(ClerkApiKind.Frontend, "v1", ""));

        Assert.That(options.ToString(), Does.Not.Contain("s3cret"));
        Assert.That(transport.ToString(), Does.Not.Contain("s3cret").And.Contain("https://example-destined-camel-13.clerk.accounts.dev"));
    }

    [TestCase("/v1/", TestName = "a trailing slash")]
    [TestCase("v1", TestName = "no leading slash")]
    [TestCase("/v1?x", TestName = "a query")]
    public void A_base_path_of_the_wrong_shape_is_rejected(string basePath)
    {
        Assert.That(() => new ClerkApiDescription(ClerkApiKind.Backend, "2026-05-12", basePath), Throws.ArgumentException.With.Message.Contains("base path"));
    }

    [Test]
    public void Dependency_injection_validates_the_options_for_the_kind_registered()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Clerk:PublishableKey"] = PublishableKey,
            ["Clerk:ClientToken"] = "client_token",
        }).Build());
        services.AddClerkClient(ClerkApiKind.Frontend, static (httpClient, options) => new ClerkHttpTransport(httpClient, options, new ClerkApiDescription(ClerkApiKind.Frontend, "v1", "")));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ClerkClientOptions>>().Value;

        Assert.That(options.ClientToken, Is.EqualTo("client_token"));
        Assert.That(provider.GetRequiredService<ClerkHttpTransport>().GetRequestUri(new ClerkRequest(HttpMethod.Get, "GetClient", "/v1/client", "/v1/client")).ToString(),
            Is.EqualTo("https://example-destined-camel-13.clerk.accounts.dev/v1/client?_is_native=true"));

        services.AddClerkClient(ClerkApiKind.Backend, static (httpClient, options) => new ClerkHttpTransport(httpClient, options, "2026-05-12"));
        using var both = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => _ = both.GetRequiredService<IOptions<ClerkClientOptions>>().Value);
        Assert.That(error!.Message, Does.Contain("SecretKey"), "a Backend client registered beside it needs its secret key too");
    }
}
