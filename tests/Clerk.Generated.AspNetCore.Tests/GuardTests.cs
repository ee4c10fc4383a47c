using System.Net;
using System.Security.Claims;
using Clerk.Generated.Authentication;
using Clerk.Generated.Guards;
using Clerk.Generated.Middleware;
using Clerk.Generated.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary>Request guards: the <see cref="ClerkJwt"/> parameter, <c>.RequireClerk()</c> and <see cref="ClerkAuthorizeAttribute"/>.</summary>
public sealed class GuardTests
{
    [Test]
    public async Task ClerkJwt_parameter_runs_the_handler_only_with_a_valid_token()
    {
        var runs = 0;
        await using var app = await TestApp.StartAsync(a => a.MapGet("/me", (ClerkJwt jwt) =>
        {
            runs++;
            return jwt.Subject;
        }));
        using var anonymous = await app.GetAsync("/me");
        using var invalid = await app.GetAsync("/me", bearer: "x.y.z");
        Assert.That(runs, Is.Zero);
        using var valid = await app.GetAsync("/me", bearer: app.Tokens.Mint(new() { Subject = "user_guard" }));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await ProblemBody.ReadAsync(invalid)).Reason, Is.EqualTo("Malformed"));
        Assert.That(await valid.Content.ReadAsStringAsync(), Is.EqualTo("user_guard"));
        Assert.That(runs, Is.EqualTo(1));
    }

    [Test]
    public async Task A_missing_ClerkJwt_is_answered_without_an_exception_reaching_the_developer_exception_page()
    {
        var logs = new CapturedLogs();
        var runs = 0;
        await using var app = await TestApp.StartAsync(
            a =>
            {
                a.UseDeveloperExceptionPage();
                a.MapGet("/me", (ClerkJwt jwt) =>
                {
                    runs++;
                    return jwt.Subject;
                });
            },
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        using var anonymous = await app.GetAsync("/me");
        using var invalid = await app.GetAsync("/me", bearer: "x.y.z");
        using var valid = await app.GetAsync("/me", bearer: app.Tokens.Mint(new() { Subject = "user_guard" }));

        Assert.Multiple(() =>
        {
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(anonymous.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
            Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(valid.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(runs, Is.EqualTo(1));
            Assert.That(logs.Exceptions, Is.Empty);
        });
    }

    [Test]
    public async Task A_request_authenticated_without_a_session_token_is_forbidden_from_a_ClerkJwt_handler()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.Use((context, next) =>
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "other")], "Other"));
                return next(context);
            });
            a.MapGet("/me", (ClerkJwt jwt) => jwt.Subject);
        });
        using var response = await app.GetAsync("/me");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    /// <summary>Keeps every exception any logger was given.</summary>
    private sealed class CapturedLogs : ILoggerProvider, ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<Exception> _exceptions = new();

        public IReadOnlyCollection<Exception> Exceptions => _exceptions;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null)
            {
                _exceptions.Enqueue(exception);
            }
        }

        public void Dispose()
        {
        }
    }

    [Test]
    public async Task RequireClerk_filter_works_without_authentication_middleware()
    {
        var runs = 0;
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/filtered", (HttpContext c) =>
            {
                runs++;
                return c.User.Identity!.Name;
            }).RequireClerk(),
            useAuthentication: false);
        using var anonymous = await app.GetAsync("/filtered");
        using var valid = await app.GetAsync("/filtered", bearer: app.Tokens.Mint(new() { Subject = "user_filter" }));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(valid.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await valid.Content.ReadAsStringAsync(), Is.EqualTo("user_filter"));
        Assert.That(runs, Is.EqualTo(1));
    }

    [Test]
    public async Task RequireClerk_filter_on_a_group_answers_503_when_keys_are_unavailable()
    {
        await using var app = await TestApp.StartAsync(
            a => a.MapGroup("/g").RequireClerk().MapGet("/x", () => "x"),
            useAuthentication: false);
        var token = app.Tokens.Mint();
        app.Tokens.Keys.Unavailable = true;
        using var response = await app.GetAsync("/g/x", bearer: token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task ClerkAuthorize_attribute_protects_mvc_controllers()
    {
        await using var app = await TestApp.StartAsync(
            a => a.MapControllers(),
            services: s => s.AddControllers().AddApplicationPart(typeof(InvoicesController).Assembly));
        using var anonymous = await app.GetAsync("/mvc/invoices");
        using var member = await app.GetAsync("/mvc/invoices", bearer: app.Tokens.Mint(new() { Organization = new("org_1", Role: "member") }));
        using var reader = await app.GetAsync("/mvc/invoices", bearer: app.Tokens.Mint(new() { Organization = new("org_1", Role: "member", Permissions: ["org:invoices:read"]) }));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(member.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await ProblemBody.ReadAsync(member)).Errors, Is.EqualTo(new[] { "organization permission org:invoices:read" }));
        Assert.That(reader.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await reader.Content.ReadAsStringAsync(), Is.EqualTo("invoices of org_1"));
    }

    [Test]
    public async Task ClerkAuthorize_attribute_works_on_minimal_api_handlers_too()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/min", [ClerkAuthorize(Role = "admin")] () => "admin area"));
        using var member = await app.GetAsync("/min", bearer: app.Tokens.Mint(new() { Organization = new("org_1", Role: "member") }));
        using var admin = await app.GetAsync("/min", bearer: app.Tokens.Mint(new() { Organization = new("org_1", Role: "admin") }));
        Assert.That(member.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}

[ApiController]
[Route("mvc/invoices")]
[ClerkAuthorize(Permission = "org:invoices:read")]
public sealed class InvoicesController : ControllerBase
{
    [HttpGet]
    public string Get() => "invoices of " + HttpContext.GetClerkJwt()!.Organization!.Id;
}
