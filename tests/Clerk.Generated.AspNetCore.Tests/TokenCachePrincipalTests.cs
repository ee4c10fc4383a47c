using System.Net;
using System.Security.Claims;
using Clerk.Generated.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary>
/// With the token cache on, every request with the same token is a cache hit, yet each gets a principal of its own:
/// what a claims transformation, an event or an endpoint does to one request's principal is not seen by the next.
/// </summary>
public sealed class TokenCachePrincipalTests
{
    private const string Added = "added";

    [Test]
    public async Task Claims_added_to_one_request_never_reach_the_next_request_with_the_same_token()
    {
        var transformations = 0;
        await using var app = await TestApp.StartAsync(
            app => app.MapGet("/me", (HttpContext c) =>
            {
                var values = c.User.FindAll(Added).Select(claim => claim.Value).ToList();
                // The endpoint mutates its principal too, after reading it.
                ((ClaimsIdentity)c.User.Identity!).AddClaim(new Claim(Added, "by-endpoint"));
                return string.Join(",", values);
            }).RequireAuthorization(),
            o =>
            {
                o.EnableTokenCache = true;
                o.Events.OnTokenValidated = c =>
                {
                    ((ClaimsIdentity)c.Principal!.Identity!).AddClaim(new Claim(Added, "by-event"));
                    return Task.CompletedTask;
                };
            },
            services => services.AddSingleton<IClaimsTransformation>(new AddingTransformation(() => Interlocked.Increment(ref transformations))));
        var token = app.Tokens.Mint(new() { Subject = "user_cached" });

        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await app.GetAsync("/me", bearer: token);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.That(answers, Is.EqualTo(new[] { "by-event,transform-1", "by-event,transform-2", "by-event,transform-3" }));
        Assert.That(transformations, Is.EqualTo(3));
    }

    [Test]
    public async Task A_cached_token_still_gives_every_request_the_full_set_of_claims()
    {
        await using var app = await TestApp.StartAsync(
            app => app.MapGet("/claims", (HttpContext c) => string.Join(",", c.User.Claims.Select(claim => claim.Type + "=" + claim.Value).Order(StringComparer.Ordinal))).RequireAuthorization(),
            o => o.EnableTokenCache = true);
        var token = app.Tokens.Mint(new() { Subject = "user_claims", Organization = new("org_1", "acme", "org:admin", ["org:invoices:read"]) });

        using var first = await app.GetAsync("/claims", bearer: token);
        using var second = await app.GetAsync("/claims", bearer: token);
        var firstClaims = await first.Content.ReadAsStringAsync();
        Assert.That(firstClaims, Does.Contain(ClerkClaimTypes.UserId + "=user_claims").And.Contain(ClerkClaimTypes.OrganizationPermission + "=org:invoices:read"));
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(firstClaims));
    }

    [Test]
    public async Task Events_derived_from_the_default_class_are_still_called_without_delegates()
    {
        var events = new CountingEvents();
        await using var app = await TestApp.StartAsync(
            app => app.MapGet("/me", (HttpContext c) => c.User.FindFirst(Added)?.Value).RequireAuthorization(),
            o => o.Events = events);

        using var response = await app.GetAsync("/me", bearer: app.Tokens.Mint());
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("by-override"));
        Assert.That(events.Received, Is.EqualTo(1));
    }

    [Test]
    public void The_handler_is_created_by_the_scheme_factory_not_by_activating_its_type()
    {
        var services = new ServiceCollection();
        services.AddAuthentication().AddClerk(o => o.JwtKey = "unused");
        var registrations = services.Where(d => d.ServiceType == typeof(ClerkAuthenticationHandler)).ToList();
        Assert.That(registrations, Has.Count.EqualTo(1));
        Assert.That(registrations[0].ImplementationFactory, Is.Not.Null);
        Assert.That(registrations[0].Lifetime, Is.EqualTo(ServiceLifetime.Transient), "one handler per request, as the authentication system expects");
    }

    private sealed class AddingTransformation(Func<int> next) : IClaimsTransformation
    {
        public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
        {
            // Mutates the principal it is given, as many transformations do.
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(Added, "transform-" + next()));
            return Task.FromResult(principal);
        }
    }

    private sealed class CountingEvents : ClerkAuthenticationEvents
    {
        public int Received { get; private set; }

        public override Task TokenReceived(ClerkTokenReceivedContext context)
        {
            Received++;
            return base.TokenReceived(context);
        }

        public override Task TokenValidated(ClerkTokenValidatedContext context)
        {
            ((ClaimsIdentity)context.Principal!.Identity!).AddClaim(new Claim(Added, "by-override"));
            return base.TokenValidated(context);
        }
    }
}
