using System.Net;
using Clerk.Generated.Authentication;
using Clerk.Generated.Middleware;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary><c>UseClerk</c>: clerk-rs ClerkLayer semantics with ASP.NET route templates.</summary>
public sealed class MiddlewareTests
{
    private static Task<TestApp> StartAsync(Action<ClerkMiddlewareOptions> configure, Action<ClerkAuthenticationOptions>? scheme = null) =>
        TestApp.StartAsync(
            app =>
            {
                app.UseClerk(configure);
                app.MapGet("/users/{id}", (string id, HttpContext c) => $"{id}:{c.GetClerkJwt()?.Subject ?? "anonymous"}");
                app.MapGet("/users/{id}/orders/{orderId}", (string id, string orderId) => $"{id}/{orderId}");
                app.MapGet("/api/{**rest}", (string rest, HttpContext c) => $"{rest}:{c.User.Identity?.Name ?? "anonymous"}");
                app.MapGet("/health", () => "ok");
                app.MapGet("/public", () => "public");
            },
            scheme,
            useAuthentication: false);

    [Test]
    public async Task Protected_template_with_a_parameter_needs_a_token()
    {
        await using var app = await StartAsync(o => o.ProtectedRoutes.Add("/users/{id}"));
        using var anonymous = await app.GetAsync("/users/123");
        using var signedIn = await app.GetAsync("/users/123", bearer: app.Tokens.Mint(new() { Subject = "user_1" }));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await signedIn.Content.ReadAsStringAsync(), Is.EqualTo("123:user_1"));
    }

    [Test]
    public async Task Routes_not_listed_as_protected_pass_through_without_a_token()
    {
        await using var app = await StartAsync(o => o.ProtectedRoutes.Add("/users/{id}"));
        using var response = await app.GetAsync("/public");
        using var deeper = await app.GetAsync("/users/123/orders/9");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(deeper.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a template matches whole paths, not prefixes");
    }

    [Test]
    public async Task Catch_all_template_protects_every_path_below_it()
    {
        await using var app = await StartAsync(o => o.ProtectedRoutes.Add("/api/{**rest}"));
        using var anonymous = await app.GetAsync("/api/a/b/c");
        using var signedIn = await app.GetAsync("/api/a/b/c", bearer: app.Tokens.Mint(new() { Subject = "user_api" }));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await signedIn.Content.ReadAsStringAsync(), Is.EqualTo("a/b/c:user_api"));
    }

    [Test]
    public async Task With_no_protected_routes_everything_but_the_excluded_ones_is_protected()
    {
        await using var app = await StartAsync(o => o.ExcludedRoutes.Add("/health"));
        using var health = await app.GetAsync("/health");
        using var pub = await app.GetAsync("/public");
        using var user = await app.GetAsync("/users/7");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(pub.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(user.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Exclusion_wins_over_protection_for_a_template_with_parameters()
    {
        await using var app = await StartAsync(o =>
        {
            o.ProtectedRoutes.Add("/users/{**rest}");
            o.ExcludedRoutes.Add("/users/{id}/orders/{orderId}");
        });
        using var excluded = await app.GetAsync("/users/1/orders/2");
        using var protectedPath = await app.GetAsync("/users/1");
        Assert.That(excluded.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(protectedPath.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase(true, HttpStatusCode.OK)]
    [TestCase(false, HttpStatusCode.Unauthorized)]
    public async Task ValidateSessionCookie_overrides_the_scheme_setting(bool validateCookie, HttpStatusCode expected)
    {
        await using var app = await StartAsync(
            o =>
            {
                o.ProtectedRoutes.Add("/users/{id}");
                o.ValidateSessionCookie = validateCookie;
            },
            s =>
            {
                s.ValidateSessionCookie = !validateCookie;
                s.AllowSessionCookieWithoutAuthorizedParties = true;
            });
        using var response = await app.GetAsync("/users/1", cookie: "__session=" + app.Tokens.Mint());
        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }

    [Test]
    public async Task Bad_token_is_a_401_and_missing_keys_a_503_never_a_500()
    {
        await using var app = await StartAsync(o => o.ProtectedRoutes.Add("/users/{id}"));
        var token = app.Tokens.Mint();
        using var bad = await app.GetAsync("/users/1", bearer: token[..^4] + "AAAA");
        app.Tokens.Keys.Unavailable = true;
        using var noKeys = await app.GetAsync("/users/1", bearer: token);
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await ProblemBody.ReadAsync(bad)).Reason, Is.EqualTo("BadSignature"));
        Assert.That(noKeys.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public void An_invalid_route_template_is_refused_when_the_pipeline_is_built()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => StartAsync(o => o.ProtectedRoutes.Add("/users/{id")));
        Assert.That(error!.Message, Does.Contain("/users/{id"));
    }
}
