using Clerk.Generated.Http;
using Clerk.Generated.Runtime.Tests.Support;

namespace Clerk.Generated.Runtime.Tests.Http;

[NonParallelizable] // touches the CLERK_SECRET_KEY environment variable
public sealed class OptionsTests
{
    private string? _savedKey;

    [SetUp]
    public void SaveEnvironment() => _savedKey = Environment.GetEnvironmentVariable(ClerkClientOptions.SecretKeyEnvironmentVariable);

    [TearDown]
    public void RestoreEnvironment() => Environment.SetEnvironmentVariable(ClerkClientOptions.SecretKeyEnvironmentVariable, _savedKey);

    [TestCase("sk_test_abc123")]
    [TestCase("sk_live_AbC-123_x")]
    public void Well_formed_keys_pass(string key)
    {
        Assert.That(ClerkClientOptionsValidator.GetFailures(new ClerkClientOptions { SecretKey = key }), Is.Empty);
    }

    [TestCase("pk_test_abc123")]
    [TestCase("sk_prod_abc123")]
    [TestCase("sk_test_abc 123")]
    [TestCase("Bearer sk_test_abc123")]
    [TestCase("SK_TEST_abc123")]
    public void Malformed_keys_are_rejected_without_being_quoted(string key)
    {
        var failures = ClerkClientOptionsValidator.GetFailures(new ClerkClientOptions { SecretKey = key });

        Assert.That(failures, Has.Count.EqualTo(1));
        Assert.That(failures[0], Does.Contain("sk_test_").And.Contain("sk_live_"));
        Assert.That(failures[0], Does.Not.Contain(key));
    }

    [Test]
    public void A_prefix_without_key_material_is_rejected()
    {
        Assert.That(ClerkClientOptionsValidator.GetFailures(new ClerkClientOptions { SecretKey = "sk_live_" }).Single(), Does.Contain("SecretKey"));
    }

    [Test]
    public void A_missing_key_falls_back_to_CLERK_SECRET_KEY()
    {
        Environment.SetEnvironmentVariable(ClerkClientOptions.SecretKeyEnvironmentVariable, "sk_test_fromenvironment");
        var options = new ClerkClientOptions();

        Assert.That(ClerkClientOptionsValidator.GetFailures(options), Is.Empty);
        Assert.That(options.ResolveSecretKey(), Is.EqualTo("sk_test_fromenvironment"));

        Environment.SetEnvironmentVariable(ClerkClientOptions.SecretKeyEnvironmentVariable, null);
        Assert.That(ClerkClientOptionsValidator.GetFailures(options).Single(), Does.Contain("CLERK_SECRET_KEY"));
    }

    [TestCase("api.clerk.com")]
    [TestCase("/v1")]
    [TestCase("ftp://api.clerk.com")]
    [TestCase("https://api.clerk.com?x=1")]
    [TestCase("")]
    public void A_non_absolute_http_url_is_rejected(string url)
    {
        var failures = ClerkClientOptionsValidator.GetFailures(new ClerkClientOptions { SecretKey = Transports.SecretKey, ApiUrl = url });

        Assert.That(failures.Single(), Does.Contain("ApiUrl"));
    }

    [Test]
    public void Timeouts_and_retry_bounds_are_checked()
    {
        var options = new ClerkClientOptions { SecretKey = Transports.SecretKey, Timeout = TimeSpan.Zero, UserAgentSuffix = "a\r\nX-Injected: 1" };
        options.Retry.MaxAttempts = 0;
        options.Retry.BaseDelay = TimeSpan.FromSeconds(-1);

        var failures = ClerkClientOptionsValidator.GetFailures(options);

        Assert.That(failures, Has.Count.EqualTo(4));
        Assert.That(string.Join("\n", failures), Does.Contain("Timeout").And.Contain("MaxAttempts").And.Contain("UserAgentSuffix").And.Contain("negative"));
    }

    [Test]
    public void ToString_never_shows_the_secret()
    {
        var options = new ClerkClientOptions { SecretKey = Transports.SecretKey };
        var transport = new ClerkHttpTransport(new HttpClient(), options, Transports.SpecVersion);

        Assert.That(options.ToString(), Does.Not.Contain(Transports.SecretKey).And.Contain("redacted"));
        Assert.That(transport.ToString(), Does.Not.Contain(Transports.SecretKey));
    }
}
