using System.Net;
using System.Security.Claims;
using Clerk.Generated.Authentication;
using Clerk.Generated.Authorization;
using Clerk.Generated.Guards;
using Clerk.Generated.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary>Each event fires at its step and can change the outcome, as JwtBearerEvents do.</summary>
public sealed class EventsTests
{
    private static Task<TestApp> StartAsync(Action<ClerkAuthenticationEvents> events) =>
        TestApp.StartAsync(
            app =>
            {
                app.MapGet("/me", (HttpContext c) => c.User.FindFirst("custom")?.Value ?? c.GetClerkJwt()!.Subject).RequireAuthorization();
                app.MapGet("/admin", () => "admin").RequireAuthorization(p => p.RequireOrganizationRole("admin"));
            },
            o => events(o.Events));

    [Test]
    public async Task TokenReceived_can_supply_the_token_from_elsewhere()
    {
        await using var app = await StartAsync(e => e.OnTokenReceived = c =>
        {
            c.Token = c.Request.Query["access_token"];
            return Task.CompletedTask;
        });
        using var response = await app.GetAsync("/me?access_token=" + app.Tokens.Mint(new() { Subject = "user_query" }));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("user_query"));
    }

    [Test]
    public async Task TokenReceived_can_decide_the_result()
    {
        await using var app = await StartAsync(e => e.OnTokenReceived = c =>
        {
            c.Fail("refused by the application");
            return Task.CompletedTask;
        });
        using var response = await app.GetAsync("/me", bearer: app.Tokens.Mint());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task TokenValidated_sees_the_typed_token_and_can_add_claims()
    {
        ClerkJwt? seen = null;
        ClerkTokenSource source = default;
        await using var app = await StartAsync(e => e.OnTokenValidated = c =>
        {
            seen = c.Jwt;
            source = c.Source;
            ((ClaimsIdentity)c.Principal!.Identity!).AddClaim(new Claim("custom", "added:" + c.Jwt!.Subject));
            return Task.CompletedTask;
        });
        using var response = await app.GetAsync("/me", bearer: app.Tokens.Mint(new() { Subject = "user_events" }));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("added:user_events"));
        Assert.That(seen?.Subject, Is.EqualTo("user_events"));
        Assert.That(source, Is.EqualTo(ClerkTokenSource.AuthorizationHeader));
    }

    [Test]
    public async Task TokenValidated_can_reject_a_valid_token()
    {
        await using var app = await StartAsync(e => e.OnTokenValidated = c =>
        {
            c.Fail("banned user");
            return Task.CompletedTask;
        });
        using var response = await app.GetAsync("/me", bearer: app.Tokens.Mint());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task AuthenticationFailed_receives_the_reason_and_source()
    {
        TokenRejectionReason? reason = null;
        ClerkTokenSource source = default;
        await using var app = await StartAsync(e => e.OnAuthenticationFailed = c =>
        {
            reason = c.Reason;
            source = c.Exception.TokenSource;
            return Task.CompletedTask;
        });
        var token = app.Tokens.Mint(new() { Lifetime = TimeSpan.FromSeconds(30) });
        app.Time.Advance(TimeSpan.FromMinutes(1));
        using var response = await app.GetAsync("/me", bearer: token);
        Assert.That(reason, Is.EqualTo(TokenRejectionReason.Expired));
        Assert.That(source, Is.EqualTo(ClerkTokenSource.AuthorizationHeader));
    }

    [Test]
    public async Task Challenge_can_write_its_own_response()
    {
        TokenRejectionReason? reason = null;
        await using var app = await StartAsync(e => e.OnChallenge = async c =>
        {
            reason = c.Reason;
            c.HandleResponse();
            c.Response.StatusCode = StatusCodes.Status418ImATeapot;
            await c.Response.WriteAsync("custom");
        });
        using var response = await app.GetAsync("/me");
        Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)418));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("custom"));
        Assert.That(reason, Is.EqualTo(TokenRejectionReason.Missing));
    }

    [Test]
    public async Task Forbidden_fires_with_the_failed_requirements()
    {
        IReadOnlyList<string>? failed = null;
        await using var app = await StartAsync(e => e.OnForbidden = c =>
        {
            failed = c.FailedRequirements;
            return Task.CompletedTask;
        });
        using var response = await app.GetAsync("/admin", bearer: app.Tokens.Mint(new() { Organization = new("org_1", Role: "member") }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(failed, Is.EquivalentTo(new[] { "organization role admin" }));
    }
}
