using System.Net;
using Clerk.Generated.Http;
using Clerk.Generated.Runtime.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace Clerk.Generated.Runtime.Tests.DependencyInjection;

public sealed class AddClerkClientTests
{
    /// <summary>Stands in for the generated client: it is built from the HttpClient and options it is given.</summary>
    public sealed class FakeClient(HttpClient httpClient, ClerkClientOptions options)
    {
        public HttpClient HttpClient { get; } = httpClient;

        public ClerkClientOptions Options { get; } = options;

        public ClerkHttpTransport Transport { get; } = new(httpClient, options, Transports.SpecVersion);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Test]
    public void Options_bind_from_the_Clerk_section_then_configure_runs()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Configuration(new()
        {
            ["Clerk:SecretKey"] = "sk_live_fromconfig",
            ["Clerk:ApiUrl"] = "https://clerk.internal.example",
            ["Clerk:ApiVersion"] = "2025-04-10",
            ["Clerk:Timeout"] = "00:00:12",
            ["Clerk:UserAgentSuffix"] = "svc/1",
            ["Clerk:Retry:MaxAttempts"] = "5",
            ["Clerk:Retry:BaseDelay"] = "00:00:00.2",
            ["Clerk:Retry:MaxElapsedTime"] = "00:02:00",
            ["Clerk:Retry:RetryNonIdempotentRequests"] = "true",
        }));
        services.AddClerkClient((http, o) => new FakeClient(http, o), o => o.UserAgentSuffix = "override/2");
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ClerkClientOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.SecretKey, Is.EqualTo("sk_live_fromconfig"));
            Assert.That(options.ApiUrl, Is.EqualTo("https://clerk.internal.example"));
            Assert.That(options.ApiVersion, Is.EqualTo("2025-04-10"));
            Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(12)));
            Assert.That(options.UserAgentSuffix, Is.EqualTo("override/2"));
            Assert.That(options.Retry.MaxAttempts, Is.EqualTo(5));
            Assert.That(options.Retry.BaseDelay, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
            Assert.That(options.Retry.MaxElapsedTime, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(options.Retry.RetryNonIdempotentRequests, Is.True);
        });
    }

    [Test]
    public void A_malformed_configuration_value_names_its_key()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Configuration(new() { ["Clerk:SecretKey"] = Transports.SecretKey, ["Clerk:Timeout"] = "soon" }));
        services.AddClerkClient((http, o) => new FakeClient(http, o));
        using var provider = services.BuildServiceProvider();

        Assert.That(
            () => provider.GetRequiredService<IOptions<ClerkClientOptions>>().Value,
            Throws.InvalidOperationException.With.Message.Contains("Clerk:Timeout").And.Message.Contains("time span"));
    }

    [Test]
    public void Invalid_options_fail_start_up_validation_without_quoting_the_key()
    {
        var services = new ServiceCollection();
        services.AddClerkClient((http, o) => new FakeClient(http, o), o =>
        {
            o.SecretKey = "pk_test_publishable-key-123";
            o.ApiUrl = "not a url";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Failures.Count(), Is.EqualTo(2));
        Assert.That(error.Message, Does.Contain("SecretKey").And.Contain("ApiUrl"));
        Assert.That(error.Message, Does.Not.Contain("publishable-key-123"));
    }

    [Test]
    public async Task The_client_is_a_typed_client_whose_builder_takes_extra_handlers()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("https://api.clerk.test/v1/users/user_1")
            .WithHeaders("Authorization", "Bearer " + Transports.SecretKey)
            .WithHeaders("X-Extra", "1")
            .Respond("application/json", """{"id":"user_1","first_name":null}""");
        var time = new FakeTimeProvider();
        var logs = new RecordingLoggerFactory();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<ILoggerFactory>(logs);
        services.AddClerkClient((http, o) => new FakeClient(http, o), o =>
            {
                o.SecretKey = Transports.SecretKey;
                o.ApiUrl = Transports.ApiUrl;
            })
            .AddHttpMessageHandler(() => new HeaderAddingHandler())
            .ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<FakeClient>();
        var user = await client.Transport.SendAsync(Transports.Get(), TestJsonContext.Default.TestUser, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(user.Id, Is.EqualTo("user_1"));
            Assert.That(client.Options.TimeProvider, Is.SameAs(time), "the container's clock is used");
            Assert.That(client.HttpClient.Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan), "the transport's own timeout governs");
            Assert.That(logs.Entries.Any(e => e.Level == LogLevel.Debug && e.Message.Contains("GetUser", StringComparison.Ordinal)), Is.True);
            Assert.That(logs.Entries.Select(e => e.Message + e.State), Has.None.Contains(Transports.SecretKey).And.None.Contains("user_1"));
        });
    }

    [Test]
    public void The_registered_client_name_is_stable()
    {
        Assert.That(Microsoft.Extensions.DependencyInjection.ClerkServiceCollectionExtensions.HttpClientName<FakeClient>(), Is.EqualTo("Clerk:" + typeof(FakeClient).FullName));
    }

    private sealed class HeaderAddingHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Extra", "1");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
