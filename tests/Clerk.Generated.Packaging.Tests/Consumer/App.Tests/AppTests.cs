using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clerk.Generated;
using Clerk.Generated.Testing;
using Clerk.Generated.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NUnit.Framework;

namespace App.Tests;

/// <summary>The app, as its own developers test it: test keys from Clerk.Generated.Testing, Clerk's API stubbed.</summary>
public sealed class AppTests
{
    private const string WebhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private ClerkTestTokens _tokens = null!;
    private WebApplicationFactory<Program> _factory = null!;

    [OneTimeSetUp]
    public void Start()
    {
        Environment.SetEnvironmentVariable("CLERK_SECRET_KEY", "sk_test_consumer");
        Environment.SetEnvironmentVariable("CLERK_WEBHOOK_SIGNING_SECRET", WebhookSecret);
        _tokens = new ClerkTestTokens();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.UseClerkTestKeys(_tokens.Keys, o => o.Issuer = null);
            services.AddHttpClient(Microsoft.Extensions.DependencyInjection.ClerkServiceCollectionExtensions.HttpClientName<ClerkClient>())
                .ConfigurePrimaryHttpMessageHandler(() => new ClerkApiStub());
        }));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _factory.DisposeAsync();
        _tokens.Dispose();
    }

    [Test]
    public async Task A_valid_session_reaches_the_handler()
    {
        using var response = await GetAsync("/me", _tokens.Mint(new() { Subject = "user_42" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("user_42"));
    }

    [Test]
    public async Task No_token_is_401()
    {
        using var response = await GetAsync("/me", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_policy_needs_the_permission()
    {
        using var without = await GetAsync("/invoices", Member());
        using var with = await GetAsync("/invoices", Member("org:invoices:read"));

        Assert.That(without.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(with.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_handler_calls_Clerk_through_the_injected_client()
    {
        using var response = await GetAsync("/users/user_42", _tokens.Mint());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Ada"));
    }

    [Test]
    public async Task The_handler_works_against_a_stubbed_client_interface()
    {
        var users = Substitute.For<IUsersApi>();
        users.GetAsync("user_7", Arg.Any<CancellationToken>())
            .Returns(JsonSerializer.Deserialize("""{"id":"user_7","first_name":"Grace"}""", ClerkJsonContext.Default.User)!);
        var clerk = Substitute.For<IClerkClient>();
        clerk.Users.Returns(users);
        await using var factory = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(clerk)));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.Mint());

        using var response = await client.GetAsync("/users/user_7");

        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Grace"));
        await users.Received(1).GetAsync("user_7", Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task A_signed_webhook_is_accepted_and_a_tampered_one_rejected()
    {
        var body = """{"type":"user.created","object":"event","data":{"id":"user_42"}}"""u8.ToArray();
        var headers = new ClerkWebhookSigner(ClerkWebhookSigningSecret.Parse(WebhookSecret)).CreateHeaders("msg_1", DateTimeOffset.UtcNow, body);

        using var accepted = await PostWebhookAsync(body, headers);
        using var tampered = await PostWebhookAsync([.. body, (byte)' '], headers);

        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(tampered.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private string Member(params string[] permissions) =>
        _tokens.Mint(new() { Organization = new ClerkTestOrganization("org_1", "acme", "member", permissions) });

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var client = _factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.GetAsync(path);
    }

    private async Task<HttpResponseMessage> PostWebhookAsync(byte[] body, ClerkWebhookHeaders headers)
    {
        using var client = _factory.CreateClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.Add(ClerkWebhookHeaders.SvixId, headers.MessageId);
        content.Headers.Add(ClerkWebhookHeaders.SvixTimestamp, headers.Timestamp);
        content.Headers.Add(ClerkWebhookHeaders.SvixSignature, headers.Signature);
        return await client.PostAsync("/webhooks/clerk", content);
    }

    /// <summary>Clerk's Backend API as far as this app uses it: GET /v1/users/{id} with the secret key.</summary>
    private sealed class ClerkApiStub : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var authorized = request.Headers.Authorization?.ToString() == "Bearer sk_test_consumer";
            var response = authorized && request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath == "/v1/users/user_42"
                ? new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent("""{"id":"user_42","object":"user","first_name":"Ada"}""", Encoding.UTF8, "application/json"),
                }
                : new HttpResponseMessage(HttpStatusCode.NotFound);
            return Task.FromResult(response);
        }
    }
}
