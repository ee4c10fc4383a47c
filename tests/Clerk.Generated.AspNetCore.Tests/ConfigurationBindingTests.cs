using System.Net;
using System.Net.Http.Headers;
using Clerk.Generated.Authentication;
using Clerk.Generated.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary><c>AddClerk()</c> without arguments reads the <c>Clerk</c> configuration section, as <c>AddClerkClient</c> does.</summary>
public sealed class ConfigurationBindingTests
{
    [Test]
    public async Task AddClerk_without_arguments_binds_the_Clerk_section()
    {
        using var tokens = ClerkDevelopmentKey.CreateTokens();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Clerk:JwtKey"] = ClerkDevelopmentKey.PublicKeyPem,
            ["Clerk:PublishableKey"] = "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k",
            ["Clerk:AuthorizedParties:0"] = "https://app.example.com",
            ["Clerk:AuthorizedParties:1"] = "https://admin.example.com",
            ["Clerk:ClockSkew"] = "00:00:10",
            ["Clerk:EnableTokenCache"] = "true",
            ["Clerk:Issuer"] = ClerkDevelopmentKey.Issuer,
        });
        builder.Services.AddAuthentication(ClerkAuthenticationDefaults.AuthenticationScheme).AddClerk();
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", (HttpContext c) => c.User.FindFirst(ClerkClaimTypes.UserId)?.Value).RequireAuthorization();
        await app.StartAsync();
        var client = app.GetTestClient();

        var options = app.Services.GetRequiredService<IOptionsMonitor<ClerkAuthenticationOptions>>().Get(ClerkAuthenticationDefaults.AuthenticationScheme);
        using var allowed = await GetAsync(client, tokens.Mint(ClerkDevelopmentKey.Descriptor() with { AuthorizedParty = "https://admin.example.com" }));
        using var otherParty = await GetAsync(client, tokens.Mint(ClerkDevelopmentKey.Descriptor() with { AuthorizedParty = "https://evil.example.net" }));
        Assert.Multiple(() =>
        {
            Assert.That(options.PublishableKey, Is.EqualTo("pk_live_Y2xlcmsuZXhhbXBsZS5jb20k"));
            Assert.That(options.AuthorizedParties, Is.EqualTo(new[] { "https://app.example.com", "https://admin.example.com" }));
            Assert.That(options.ClockSkew, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(options.EnableTokenCache, Is.True);
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(otherParty.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public void A_malformed_value_names_its_key()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Clerk:ClockSkew"] = "soon" }).Build().GetSection("Clerk");
        var error = Assert.Throws<InvalidOperationException>(() => ClerkAuthenticationOptionsConfiguration.Bind(section, new ClerkAuthenticationOptions()));
        Assert.That(error!.Message, Does.Contain("Clerk:ClockSkew"));
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }
}
