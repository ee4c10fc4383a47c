using System.Net;
using Clerk.Generated.Authentication;
using Clerk.Generated.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary><c>AddClerkAuthentication</c>: the Clerk scheme as the default, without Data Protection unless something else asks for it.</summary>
public sealed class ClerkAuthenticationRegistrationTests
{
    [Test]
    public void Registers_no_data_protection_service_and_makes_clerk_the_default_scheme()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddClerkAuthentication(o => o.JwtKey = ClerkDevelopmentKey.PublicKeyPem);

        Assert.That(services.Where(IsDataProtection).Select(d => d.ServiceType.FullName), Is.Empty);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Assert.That(provider.GetService<IDataProtectionProvider>(), Is.Null);
        Assert.That(provider.GetServices<IHostedService>(), Is.Empty);
        var options = provider.GetRequiredService<IOptions<AuthenticationOptions>>().Value;
        Assert.That(options.DefaultScheme, Is.EqualTo(ClerkAuthenticationDefaults.AuthenticationScheme));
        Assert.That(options.SchemeMap.Keys, Is.EquivalentTo(new[] { ClerkAuthenticationDefaults.AuthenticationScheme }));
    }

    [Test]
    public void Keeps_data_protection_registered_before_it()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDataProtection();
        var registered = services.Where(IsDataProtection).ToList();
        Assert.That(registered, Is.Not.Empty);

        services.AddClerkAuthentication(o => o.JwtKey = ClerkDevelopmentKey.PublicKeyPem);

        Assert.That(services.Where(IsDataProtection), Is.EqualTo(registered));
        using var provider = services.BuildServiceProvider();
        Assert.That(provider.GetService<IDataProtectionProvider>(), Is.Not.Null);
    }

    [Test]
    public async Task Cookie_authentication_added_afterwards_works_with_data_protection_added_for_it()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddDataProtection();
        builder.Services.AddClerkAuthentication(o => o.JwtKey = ClerkDevelopmentKey.PublicKeyPem).AddCookie();
        await using var app = builder.Build();
        app.MapGet("/sign-in", (HttpContext c) => c.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new("sub", "user_cookie")], "cookie"))));
        await app.StartAsync();

        using var response = await app.GetTestClient().GetAsync("/sign-in");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Cookies=", StringComparison.Ordinal)));
    }

    [Test]
    public async Task A_development_host_validates_tokens_and_answers_without_a_token()
    {
        // Development: the container validates every registration at build, so a missing dependency would fail here.
        var tokens = ClerkDevelopmentKey.CreateTokens();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddClerkAuthentication(o =>
        {
            o.JwtKey = ClerkDevelopmentKey.PublicKeyPem;
            o.Issuer = ClerkDevelopmentKey.Issuer;
        });
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/health", () => "ok");
        app.MapGet("/me", (HttpContext c) => c.GetClerkJwt()!.Subject).RequireAuthorization();
        await app.StartAsync();
        var client = app.GetTestClient();

        using var health = await client.GetAsync("/health");
        using var anonymous = await client.GetAsync("/me");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Authorization = new("Bearer", tokens.Mint(ClerkDevelopmentKey.Descriptor() with { Subject = "user_registration" }));
        using var authenticated = await client.SendAsync(request);

        Assert.That(app.Services.GetService<IDataProtectionProvider>(), Is.Null);
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(authenticated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await authenticated.Content.ReadAsStringAsync(), Is.EqualTo("user_registration"));
    }

    private static bool IsDataProtection(ServiceDescriptor descriptor) =>
        (descriptor.ServiceType.Namespace ?? "").StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal)
        || (!descriptor.IsKeyedService
            && (descriptor.ImplementationType?.Namespace ?? "").StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal));
}
