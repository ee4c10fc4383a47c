using System.Net;
using System.Text;
using System.Text.Json;
using Clerk.Generated.Authentication;
using Clerk.Generated.Authorization;
using Clerk.Generated.Guards;
using Clerk.Generated.Middleware;
using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary>
/// Crafted requests against an application with Clerk as the default scheme: a typed 401 (or 503 when Clerk cannot
/// be asked), never a 500; pending sessions signed out; exclusions that never cover more than their template; and
/// configurations that would weaken all of that refused at start-up.
/// </summary>
public sealed class HostileInputTests
{
    private static Task<TestApp> StartAsync(Action<ClerkAuthenticationOptions>? configure = null) =>
        TestApp.StartAsync(
            app =>
            {
                app.MapGet("/health", () => "ok");
                app.MapGet("/protected", (HttpContext c) => c.User.Identity?.Name ?? "?").RequireAuthorization();
                app.MapGet("/guarded", (HttpContext c) => "guarded").RequireClerk();
                app.MapGet("/policy", () => "policy").RequireClerkPolicy(p => p.RequireClerkSession());
            },
            configure);

    private static string Segment(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [TestCase("""{"alg":"RS256","kid":"\udc00"}""")]
    [TestCase("""{"alg":"\ud800","kid":"k"}""")]
    [TestCase("""{"alg":"RS256","k\udc00":"k"}""")]
    public async Task A_header_with_a_lone_surrogate_is_a_401_on_protected_routes_and_ignored_on_anonymous_ones(string header)
    {
        await using var app = await StartAsync(o => { o.ValidateSessionCookie = true; o.AllowSessionCookieWithoutAuthorizedParties = true; });
        var token = Segment(header) + "." + Segment("""{"sub":"user_1"}""") + ".c2ln";

        using var health = await app.GetAsync("/health", bearer: token);
        using var healthCookie = await app.GetAsync("/health", cookie: "__session=" + token);
        using var protectedRoute = await app.GetAsync("/protected", bearer: token);
        using var guarded = await app.GetAsync("/guarded", cookie: "__session=" + token);

        Assert.Multiple(async () =>
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(healthCookie.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(protectedRoute.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await ProblemBody.ReadAsync(protectedRoute)).Reason, Is.EqualTo(nameof(TokenRejectionReason.Malformed)));
            Assert.That(guarded.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task A_signed_payload_with_a_lone_surrogate_in_sub_is_a_401_not_a_500()
    {
        await using var app = await StartAsync();
        var exp = app.Time.GetUtcNow().AddMinutes(1).ToUnixTimeSeconds();
        var token = app.Tokens.SignRaw($$"""{"alg":"RS256","kid":"{{app.Tokens.Key.KeyId}}"}""", $$"""{"sub":"\udc00","exp":{{exp}}}""");

        using var response = await app.GetAsync("/protected", bearer: token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("/protected")]
    [TestCase("/guarded")]
    [TestCase("/policy")]
    public async Task A_pending_session_is_signed_out_by_default_on_every_guard(string path)
    {
        await using var app = await StartAsync();
        using var response = await app.GetAsync(path, bearer: app.Tokens.Mint(new() { SessionStatus = "pending" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await ProblemBody.ReadAsync(response)).Reason, Is.EqualTo(nameof(TokenRejectionReason.SessionPending)));
    }

    [TestCase("/protected")]
    [TestCase("/guarded")]
    [TestCase("/policy")]
    public async Task A_pending_session_is_let_in_when_TreatPendingAsSignedOut_is_off(string path)
    {
        await using var app = await StartAsync(o => o.TreatPendingAsSignedOut = false);
        using var response = await app.GetAsync(path, bearer: app.Tokens.Mint(new() { SessionStatus = "pending" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_failure_of_a_pending_session_carries_its_verified_token()
    {
        ClerkJwt? pending = null;
        await using var app = await StartAsync(o => o.Events.OnAuthenticationFailed = c =>
        {
            pending = (c.Exception as ClerkAuthenticationException)?.PendingSessionToken;
            return Task.CompletedTask;
        });

        using var response = await app.GetAsync("/protected", bearer: app.Tokens.Mint(new() { Subject = "user_pending", SessionStatus = "pending" }));

        Assert.That(pending?.Subject, Is.EqualTo("user_pending"));
        Assert.That(pending?.SessionStatus, Is.EqualTo("pending"));
    }

    [Test]
    public async Task Clerk_rate_limiting_a_machine_token_is_a_503_with_its_Retry_After_never_a_401()
    {
        await using var app = await StartAsync(o =>
        {
            o.AcceptsToken = ClerkTokenTypes.Any;
            o.MachineTokenVerifier = new ClerkMachineTokenVerifier(
                new HttpClient(new AnswerWith(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(42))), "sk_test_x", new Uri("https://api.clerk.test"));
        });

        using var response = await app.GetAsync("/protected", bearer: "ak_LCWGdaM8mv8K4PC/57IICZQXAeWfCgF30DZaFXHoGn9=");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(42)));
    }

    [Test]
    public async Task An_excluded_template_with_a_constraint_excludes_only_what_the_constraint_allows()
    {
        await using var app = await TestApp.StartAsync(
            a =>
            {
                a.UseClerk(o => o.ExcludedRoutes.Add("/public/{id:int}"));
                a.MapGet("/public/{id}", (string id) => id);
            },
            useAuthentication: false);

        using var number = await app.GetAsync("/public/5");
        using var word = await app.GetAsync("/public/secret");

        Assert.That(number.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(word.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task An_excluded_template_with_an_unknown_constraint_fails_at_start_up()
    {
        var e = Assert.ThrowsAsync<ArgumentException>(() => TestApp.StartAsync(
            a => a.UseClerk(o => o.ExcludedRoutes.Add("/public/{id:nosuchconstraint}")),
            useAuthentication: false));

        Assert.That(e!.Message, Does.Contain("nosuchconstraint"));
    }

    [TestCase("http://api.clerk.com", false)]
    [TestCase("http://localhost:5000", true)]
    [TestCase("http://127.0.0.1:5000", true)]
    [TestCase("http://[::1]:5000", true)]
    [TestCase("https://api.clerk.com", true)]
    public void Plain_http_is_refused_for_ApiUrl_and_JwksUrl_except_on_loopback(string url, bool allowed)
    {
        var validator = new ClerkAuthenticationOptionsValidator();

        var api = validator.Validate("Clerk", new ClerkAuthenticationOptions { SecretKey = "sk_test_x", ApiUrl = new Uri(url) });
        var jwks = validator.Validate("Clerk", new ClerkAuthenticationOptions { JwksUrl = new Uri(url + "/.well-known/jwks.json") });

        Assert.That(api.Succeeded, Is.EqualTo(allowed), api.FailureMessage);
        Assert.That(jwks.Succeeded, Is.EqualTo(allowed), jwks.FailureMessage);
    }

    [TestCase("sk_test_not_a_public_key")]
    [TestCase("https://clerk.example.com/.well-known/jwks.json")]
    [TestCase("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA")]
    [TestCase("-----BEGIN PUBLIC KEY-----\nnot base64 at all!\n-----END PUBLIC KEY-----")]
    [TestCase("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA")]
    public void A_jwt_key_holding_no_pem_block_is_refused_at_start_up_without_repeating_it(string jwtKey)
    {
        var result = new ClerkAuthenticationOptionsValidator().Validate("Clerk", new ClerkAuthenticationOptions { JwtKey = jwtKey });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("JwtKey (or CLERK_JWT_KEY) holds no PEM block"));
        Assert.That(result.FailureMessage, Does.Not.Contain(jwtKey));
    }

    [TestCase("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "not a DER-encoded RSA public key")]
    [TestCase("-----BEGIN RSA PUBLIC KEY-----\nMAYCAQICAQM=\n-----END RSA PUBLIC KEY-----", "not an odd")]
    [TestCase("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", "not a public key")]
    public void A_jwt_key_whose_pem_block_holds_no_usable_rsa_public_key_is_refused_at_start_up(string jwtKey, string problem)
    {
        var result = new ClerkAuthenticationOptionsValidator().Validate("Clerk", new ClerkAuthenticationOptions { JwtKey = jwtKey });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("JwtKey (or CLERK_JWT_KEY) holds"));
        Assert.That(result.FailureMessage, Does.Contain(problem));
    }

    [Test]
    public void A_jwt_key_holding_the_private_key_is_refused_at_start_up_without_repeating_it()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var privateKey = rsa.ExportPkcs8PrivateKeyPem();

        var result = new ClerkAuthenticationOptionsValidator().Validate("Clerk", new ClerkAuthenticationOptions { JwtKey = privateKey });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("holds a private key"));
        Assert.That(result.FailureMessage, Does.Not.Contain(privateKey.Split('\n')[1]));
    }

    [Test]
    public void A_host_whose_jwt_key_block_is_damaged_fails_to_start_instead_of_failing_every_token()
    {
        var damaged = ClerkDevelopmentKey.PublicKeyPem.Replace("MII", "MIJ", StringComparison.Ordinal);

        var e = Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(
            a => a.MapGet("/health", () => "ok"),
            o =>
            {
                o.Keys = null;
                o.JwtKey = damaged;
            }));

        Assert.That(e!.Message, Does.Contain("not a DER-encoded RSA public key"));
    }

    [Test]
    public void The_pem_key_passes_start_up_checks_with_line_breaks_or_escaped_ones()
    {
        var validator = new ClerkAuthenticationOptionsValidator();

        var lines = validator.Validate("Clerk", new ClerkAuthenticationOptions { JwtKey = ClerkDevelopmentKey.PublicKeyPem });
        var escaped = validator.Validate("Clerk", new ClerkAuthenticationOptions { JwtKey = ClerkDevelopmentKey.PublicKeyPem.Replace("\n", "\\n", StringComparison.Ordinal) });

        Assert.That(lines.Succeeded, Is.True, lines.FailureMessage);
        Assert.That(escaped.Succeeded, Is.True, escaped.FailureMessage);
    }

    [Test]
    public void A_host_whose_jwt_key_is_not_pem_fails_to_start()
    {
        var e = Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(
            a => a.MapGet("/health", () => "ok"),
            o =>
            {
                o.Keys = null;
                o.JwtKey = "sk_test_not_a_public_key";
            }));

        Assert.That(e!.Message, Does.Contain("holds no PEM block"));
    }

    [Test]
    public void Session_cookies_without_authorized_parties_are_refused_at_start_up_unless_acknowledged()
    {
        var validator = new ClerkAuthenticationOptionsValidator();

        var refused = validator.Validate("Clerk", new ClerkAuthenticationOptions { SecretKey = "sk_test_x", ValidateSessionCookie = true });
        var acknowledged = validator.Validate("Clerk", new ClerkAuthenticationOptions { SecretKey = "sk_test_x", ValidateSessionCookie = true, AllowSessionCookieWithoutAuthorizedParties = true });
        var listed = validator.Validate("Clerk", new ClerkAuthenticationOptions { SecretKey = "sk_test_x", ValidateSessionCookie = true, AuthorizedParties = { "https://app.example.com" } });

        Assert.That(refused.Failed, Is.True);
        Assert.That(refused.FailureMessage, Does.Contain("AllowSessionCookieWithoutAuthorizedParties"));
        Assert.That(acknowledged.Succeeded, Is.True);
        Assert.That(listed.Succeeded, Is.True);
    }

    [Test]
    public void UseClerk_turning_cookies_on_without_authorized_parties_fails_at_start_up()
    {
        var e = Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(
            a => a.UseClerk(o => o.ValidateSessionCookie = true),
            useAuthentication: false));

        Assert.That(e!.Message, Does.Contain("AuthorizedParties"));
    }

    [TestCase("Production")]
    [TestCase("Staging")]
    public void The_sample_refuses_its_development_key_outside_Development(string environment)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment(environment));

        var e = Assert.Catch(() => factory.CreateClient());

        Assert.That(Flatten(e!), Does.Contain("not Development"));
    }

    [Test]
    public void Dotnet_run_starts_the_sample_in_Development()
    {
        // `dotnet run --project samples/Clerk.Sample.Api` (the README's command) applies the first launch profile.
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Clerk.Generated.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory!.FullName, "samples", "Clerk.Sample.Api", "Properties", "launchSettings.json");
        using var settings = JsonDocument.Parse(File.ReadAllText(path));
        var profile = settings.RootElement.GetProperty("profiles").EnumerateObject().First().Value;

        Assert.That(profile.GetProperty("commandName").GetString(), Is.EqualTo("Project"));
        Assert.That(profile.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString(), Is.EqualTo("Development"));
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);

    private sealed class AnswerWith(HttpStatusCode status, TimeSpan retryAfter) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Headers = { RetryAfter = new(retryAfter) } });
    }
}
