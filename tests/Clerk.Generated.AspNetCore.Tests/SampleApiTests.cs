using System.Net;
using System.Net.Http.Headers;
using Clerk.Generated.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary>
/// The sample's own endpoints through <see cref="WebApplicationFactory{TEntryPoint}"/> with test keys: how a user
/// tests a protected service with <c>UseClerkTestKeys</c>.
/// </summary>
public sealed class SampleApiTests
{
    private WebApplicationFactory<Program> _factory = null!;
    private ClerkTestTokens _tokens = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _tokens = new ClerkTestTokens();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.ConfigureTestServices(s => s.UseClerkTestKeys(_tokens.Keys, o => o.Issuer = null));
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _factory.DisposeAsync();
        _tokens.Dispose();
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var client = _factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.GetAsync(path);
    }

    private string Member(params string[] permissions) =>
        _tokens.Mint(new() { Organization = new ClerkTestOrganization("org_test", "test", "member", permissions) });

    [Test]
    public async Task Public_routes_answer_without_a_token()
    {
        using var response = await GetAsync("/health", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Permission_route_is_200_with_the_permission_403_without_and_401_anonymous()
    {
        using var granted = await GetAsync("/org/invoices", Member("org:invoices:read"));
        using var denied = await GetAsync("/org/invoices", Member());
        using var anonymous = await GetAsync("/org/invoices", null);
        Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await granted.Content.ReadAsStringAsync(), Does.Contain("org_test"));
        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Organization_routes_need_an_active_organization()
    {
        using var withOrg = await GetAsync("/org", Member());
        using var withoutOrg = await GetAsync("/org", _tokens.Mint());
        Assert.That(withOrg.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(withoutOrg.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Tokens_of_the_development_key_are_refused_once_test_keys_replace_it()
    {
        var development = ClerkDevelopmentKey.CreateTokens().Mint(ClerkDevelopmentKey.Descriptor());
        using var response = await GetAsync("/me", development);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Backend_api_route_without_a_secret_key_is_a_503_problem_not_a_crash()
    {
        using var response = await GetAsync("/me/profile", Member());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }
}
