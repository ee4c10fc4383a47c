using System.Net;
using Clerk.Generated.Authentication;
using Clerk.Generated.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary>The scheme: where the token comes from, what is rejected and how the rejection is answered.</summary>
public sealed class SchemeTests
{
    private static Task<TestApp> StartAsync(Action<ClerkAuthenticationOptions>? configure = null) =>
        TestApp.StartAsync(
            app => app.MapGet("/me", (HttpContext c) => c.GetClerkJwt()!.Subject).RequireAuthorization(),
            configure);

    [Test]
    public async Task Bearer_header_with_a_valid_token_is_authenticated()
    {
        await using var app = await StartAsync();
        using var response = await app.GetAsync("/me", bearer: app.Tokens.Mint(new() { Subject = "user_header" }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("user_header"));
    }

    [Test]
    public async Task No_token_is_a_401_with_a_bearer_challenge_and_problem_details()
    {
        await using var app = await StartAsync();
        using var response = await app.GetAsync("/me");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.Single().Scheme, Is.EqualTo("Bearer"));
        var problem = await ProblemBody.ReadAsync(response);
        Assert.That(problem.Status, Is.EqualTo(401));
        Assert.That(problem.Reason, Is.EqualTo("Missing"));
    }

    [Test]
    public async Task Session_cookie_is_read_when_enabled()
    {
        await using var app = await StartAsync(o => { o.ValidateSessionCookie = true; o.AllowSessionCookieWithoutAuthorizedParties = true; });
        using var response = await app.GetAsync("/me", cookie: "__session=" + app.Tokens.Mint(new() { Subject = "user_cookie" }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("user_cookie"));
    }

    [Test]
    public async Task Session_cookie_is_ignored_when_not_enabled()
    {
        await using var app = await StartAsync();
        using var response = await app.GetAsync("/me", cookie: "__session=" + app.Tokens.Mint());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Header_wins_over_cookie_when_both_are_present()
    {
        await using var app = await StartAsync(o => { o.ValidateSessionCookie = true; o.AllowSessionCookieWithoutAuthorizedParties = true; });
        using var response = await app.GetAsync(
            "/me",
            bearer: app.Tokens.Mint(new() { Subject = "user_header" }),
            cookie: "__session=" + app.Tokens.Mint(new() { Subject = "user_cookie" }));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("user_header"));
    }

    [Test]
    public async Task An_invalid_bearer_token_is_not_rescued_by_a_valid_cookie()
    {
        await using var app = await StartAsync(o => { o.ValidateSessionCookie = true; o.AllowSessionCookieWithoutAuthorizedParties = true; });
        using var response = await app.GetAsync("/me", bearer: "not-a-jwt", cookie: "__session=" + app.Tokens.Mint());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await ProblemBody.ReadAsync(response)).Reason, Is.EqualTo("Malformed"));
    }

    [TestCase("Basic dXNlcjpwYXNz")]
    [TestCase("Bearer ")]
    [TestCase("Token abc")]
    public async Task A_non_bearer_authorization_header_does_not_block_the_cookie(string header)
    {
        await using var app = await StartAsync(o => { o.ValidateSessionCookie = true; o.AllowSessionCookieWithoutAuthorizedParties = true; });
        using var response = await app.GetAsync("/me", authorization: header, cookie: "__session=" + app.Tokens.Mint(new() { Subject = "user_cookie" }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("user_cookie"));
    }

    [Test]
    public async Task Suffixed_session_cookie_is_read_and_preferred_over_the_plain_one()
    {
        const string publishableKey = "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k";
        await using var app = await StartAsync(o =>
        {
            o.ValidateSessionCookie = true;
            o.AllowSessionCookieWithoutAuthorizedParties = true;
            o.PublishableKey = publishableKey;
        });
        var suffix = ClerkSessionCookie.GetSuffix(publishableKey);
        var suffixed = ClerkSessionCookie.GetSuffixedName(suffix);
        // Cookie mode with a publishable key runs Clerk's request procedure: the instance's issuer, and a signed-in
        // client (__client_uat) beside the session cookie, and on a development key the dev-browser token.
        const string issuer = "https://clerk.example.com";
        using var response = await app.GetAsync(
            "/me",
            cookie: $"__session={app.Tokens.Mint(new() { Subject = "user_plain", Issuer = issuer })}; {suffixed}={app.Tokens.Mint(new() { Subject = "user_suffixed", Issuer = issuer })}; __client_uat_{suffix}=1; __clerk_db_jwt_{suffix}=dvb_1");
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("user_suffixed"));
    }

    [Test]
    public async Task Expired_token_is_a_401_naming_the_reason()
    {
        await using var app = await StartAsync();
        var token = app.Tokens.Mint(new() { Lifetime = TimeSpan.FromSeconds(60) });
        app.Time.Advance(TimeSpan.FromMinutes(2));
        using var response = await app.GetAsync("/me", bearer: token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await ProblemBody.ReadAsync(response)).Reason, Is.EqualTo("Expired"));
        Assert.That(response.Headers.WwwAuthenticate.Single().Parameter, Does.Contain("invalid_token"));
    }

    [Test]
    public async Task Token_for_another_party_is_a_401()
    {
        await using var app = await StartAsync(o => o.AuthorizedParties.Add("https://app.example.com"));
        using var wrong = await app.GetAsync("/me", bearer: app.Tokens.Mint(new() { AuthorizedParty = "https://evil.example.com" }));
        using var right = await app.GetAsync("/me", bearer: app.Tokens.Mint(new() { AuthorizedParty = "https://app.example.com" }));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await ProblemBody.ReadAsync(wrong)).Reason, Is.EqualTo("DisallowedAuthorizedParty"));
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Token_signed_by_another_key_with_the_same_kid_is_a_401()
    {
        await using var app = await StartAsync();
        using var otherKey = ClerkTestKey.Generate(app.Tokens.Key.KeyId);
        using var forger = new ClerkTestTokens(otherKey, app.Time);
        using var response = await app.GetAsync("/me", bearer: forger.Mint());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await ProblemBody.ReadAsync(response)).Reason, Is.EqualTo("BadSignature"));
    }

    [Test]
    public async Task Token_with_an_unknown_kid_is_a_401()
    {
        await using var app = await StartAsync();
        using var otherKey = ClerkTestKey.Generate("ins_other");
        using var forger = new ClerkTestTokens(otherKey, app.Time);
        using var response = await app.GetAsync("/me", bearer: forger.Mint());
        Assert.That((await ProblemBody.ReadAsync(response)).Reason, Is.EqualTo("UnknownKey"));
    }

    [Test]
    public async Task Pinned_issuer_rejects_another_issuer()
    {
        await using var app = await StartAsync(o => o.Issuer = "https://clerk.example.com");
        using var response = await app.GetAsync("/me", bearer: app.Tokens.Mint(new() { Issuer = "https://clerk.other.com" }));
        Assert.That((await ProblemBody.ReadAsync(response)).Reason, Is.EqualTo("InvalidIssuer"));
    }

    [Test]
    public async Task Unavailable_keys_are_a_503_with_retry_after_not_a_401_or_500()
    {
        await using var app = await StartAsync();
        var token = app.Tokens.Mint();
        app.Tokens.Keys.Unavailable = true;
        using var response = await app.GetAsync("/me", bearer: token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
        Assert.That((await ProblemBody.ReadAsync(response)).Reason, Is.EqualTo("KeysUnavailable"));
    }

    [TestCase("garbage")]
    [TestCase("a.b.c")]
    [TestCase("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    [TestCase("\u00e9\u00e9\u00e9.\u00e9.\u00e9")]
    public async Task Bad_tokens_are_401_never_500(string token)
    {
        await using var app = await StartAsync();
        using var response = await app.GetAsync("/me", authorization: "Bearer " + token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_very_large_token_is_a_401_too_large()
    {
        await using var app = await StartAsync();
        using var response = await app.GetAsync("/me", bearer: new string('a', 40_000));
        Assert.That((await ProblemBody.ReadAsync(response)).Reason, Is.EqualTo("TooLarge"));
    }

    [Test]
    public async Task Challenge_body_never_repeats_the_token()
    {
        await using var app = await StartAsync(o => o.AuthorizedParties.Add("https://app.example.com"));
        var token = app.Tokens.Mint(new() { AuthorizedParty = "https://evil.example.com" });
        using var response = await app.GetAsync("/me", bearer: token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Not.Contain(token.Split('.')[1]));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Not.Contain(token.Split('.')[1]));
    }

    [Test]
    public async Task Scheme_without_any_key_source_fails_at_startup_with_a_clear_message()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServerForTests();
        builder.Services.AddAuthentication().AddClerk();
        await using var app = builder.Build();
        var error = Assert.CatchAsync(() => app.StartAsync());
        Assert.That(error!.Message, Does.Contain("CLERK_SECRET_KEY"));
    }

    [Test]
    public async Task The_key_is_read_on_the_first_token_so_requests_without_one_are_answered_before()
    {
        // Importing a PEM key loads the platform's cryptography library; an anonymous request such as a health probe
        // must not pay for it. (A PEM that would not import fails start-up: HostileInputTests.)
        await using var app = await TestApp.StartAsync(
            a =>
            {
                a.MapGet("/health", () => "ok");
                a.MapGet("/me", (HttpContext c) => c.GetClerkJwt()!.Subject).RequireAuthorization();
            },
            o =>
            {
                o.Keys = null;
                o.JwtKey = ClerkDevelopmentKey.PublicKeyPem;
            });
        using var tokens = new ClerkTestTokens(ClerkDevelopmentKey.Key, app.Time);
        var scheme = app.App.Services.GetRequiredService<ClerkValidatorProvider>().Get(ClerkAuthenticationDefaults.AuthenticationScheme);

        using (var health = await app.GetAsync("/health"))
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That(scheme.HasKeys, Is.False);
        using var me = await app.GetAsync("/me", bearer: tokens.Mint(new() { Subject = "user_1" }));
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(scheme.HasKeys, Is.True);
    }
}
