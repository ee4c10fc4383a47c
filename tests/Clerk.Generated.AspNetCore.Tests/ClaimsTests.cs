using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Clerk.Generated.Authentication;
using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary>The principal carries the Clerk claims under <see cref="ClerkClaimTypes"/>, the same from v1 and v2 tokens.</summary>
public sealed class ClaimsTests
{
    private static readonly ClaimsPrincipal Anonymous = new();

    [TestCase(1)]
    [TestCase(2)]
    public async Task Claims_are_mapped_from_v1_and_v2_tokens_alike(int version)
    {
        ClaimsPrincipal user = Anonymous;
        ClerkJwt? jwt = null;
        await using var app = await TestApp.StartAsync(a => a.MapGet("/me", (HttpContext c) =>
        {
            user = c.User;
            jwt = c.GetClerkJwt();
            return "ok";
        }).RequireAuthorization());
        var token = app.Tokens.Mint(new()
        {
            Version = version,
            Subject = "user_claims",
            SessionId = "sess_claims",
            AuthorizedParty = "https://app.example.com",
            Organization = new ClerkTestOrganization("org_claims", "acme", "admin", ["org:invoices:read", "org:invoices:write", "org:reports:read"]),
            Features = ["u:export"],
            Plans = ["u:pro"],
            Actor = new ClerkActor("user_support", null, null, null),
        });

        using var response = await app.GetAsync("/me", bearer: token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That(user.FindFirst(ClerkClaimTypes.UserId)?.Value, Is.EqualTo("user_claims"));
            Assert.That(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, Is.EqualTo("user_claims"));
            Assert.That(user.Identity?.Name, Is.EqualTo("user_claims"));
            Assert.That(user.Identity?.AuthenticationType, Is.EqualTo("Clerk"));
            Assert.That(user.FindFirst(ClerkClaimTypes.SessionId)?.Value, Is.EqualTo("sess_claims"));
            Assert.That(user.FindFirst(ClerkClaimTypes.AuthorizedParty)?.Value, Is.EqualTo("https://app.example.com"));
            Assert.That(user.FindFirst(ClerkClaimTypes.OrganizationId)?.Value, Is.EqualTo("org_claims"));
            Assert.That(user.FindFirst(ClerkClaimTypes.OrganizationSlug)?.Value, Is.EqualTo("acme"));
            Assert.That(user.FindFirst(ClerkClaimTypes.OrganizationRole)?.Value, Is.EqualTo("org:admin"));
            Assert.That(user.IsInRole("org:admin"), Is.True);
            Assert.That(user.IsInRole("org:member"), Is.False);
            Assert.That(
                user.FindAll(ClerkClaimTypes.OrganizationPermission).Select(c => c.Value),
                Is.EquivalentTo(new[] { "org:invoices:read", "org:invoices:write", "org:reports:read" }));
            Assert.That(user.FindAll(ClerkClaimTypes.Feature).Select(c => c.Value), Does.Contain("u:export"));
            Assert.That(user.FindAll(ClerkClaimTypes.Plan).Select(c => c.Value), Is.EqualTo(new[] { "u:pro" }));
            Assert.That(user.FindFirst(ClerkClaimTypes.ActorId)?.Value, Is.EqualTo("user_support"));
            Assert.That(user.FindFirst(ClerkClaimTypes.TokenType)?.Value, Is.EqualTo("session_token"));
            Assert.That(jwt?.Subject, Is.EqualTo("user_claims"));
            Assert.That(jwt?.Version, Is.EqualTo(version));
        });
    }

    [Test]
    public async Task Session_without_organization_has_no_organization_claims()
    {
        ClaimsPrincipal user = Anonymous;
        await using var app = await TestApp.StartAsync(a => a.MapGet("/me", (HttpContext c) =>
        {
            user = c.User;
            return "ok";
        }).RequireAuthorization());
        using var response = await app.GetAsync("/me", bearer: app.Tokens.Mint());
        Assert.That(user.FindFirst(ClerkClaimTypes.UserId), Is.Not.Null);
        Assert.That(user.FindFirst(ClerkClaimTypes.OrganizationId), Is.Null);
        Assert.That(user.FindAll(ClerkClaimTypes.OrganizationPermission), Is.Empty);
    }

    [Test]
    public async Task GetClerkJwt_is_null_for_an_anonymous_request_and_custom_claims_are_reachable()
    {
        var seen = new List<string?>();
        await using var app = await TestApp.StartAsync(a => a.MapGet("/maybe", (HttpContext c) =>
        {
            var jwt = c.GetClerkJwt();
            seen.Add(jwt is null ? null : jwt.TryGetClaim("tenant", out var tenant) ? tenant.GetString() : "none");
            return "ok";
        }));
        using var anonymous = await app.GetAsync("/maybe");
        using var signedIn = await app.GetAsync("/maybe", bearer: app.Tokens.Mint(new() { AdditionalClaims = new JsonObject { ["tenant"] = "t1" } }));
        Assert.That(seen, Is.EqualTo(new[] { null, "t1" }));
    }

    [Test]
    public async Task Machine_tokens_are_accepted_when_allowed_and_carry_their_scopes()
    {
        ClaimsPrincipal user = Anonymous;
        ClerkMachineToken? machine = null;
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/m", (HttpContext c) =>
            {
                user = c.User;
                machine = c.GetClerkMachineToken();
                return "ok";
            }).RequireAuthorization(),
            o =>
            {
                o.AcceptsToken = ClerkTokenTypes.SessionToken | ClerkTokenTypes.ApiKey;
                o.MachineTokenVerifier = new FakeMachineTokenVerifier();
            });
        using var accepted = await app.GetAsync("/m", bearer: "ak_0123456789abcdefghij_good");
        using var rejected = await app.GetAsync("/m", bearer: "ak_0123456789abcdefghij_bad");
        using var notAccepted = await app.GetAsync("/m", bearer: "mt_0123456789abcdefghij_good");
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(user.FindFirst(ClerkClaimTypes.TokenType)?.Value, Is.EqualTo("api_key"));
        Assert.That(user.FindAll(ClerkClaimTypes.Scope).Select(c => c.Value), Is.EqualTo(new[] { "invoices:read" }));
        Assert.That(machine?.Subject, Is.EqualTo("user_machine"));
        Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await ProblemBody.ReadAsync(notAccepted)).Reason, Is.EqualTo("TokenTypeNotAccepted"));
    }

    private sealed class FakeMachineTokenVerifier : IMachineTokenVerifier
    {
        public ValueTask<ClerkTokenValidationResult> VerifyAsync(string token, ClerkTokenTypes tokenType, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(token.EndsWith("good", StringComparison.Ordinal)
                ? ClerkTokenValidationResult.Success(new ClerkMachineToken(tokenType, "ak_id", "user_machine", "ci", ["invoices:read"], null, null, null))
                : ClerkTokenValidationResult.Rejected(tokenType, TokenRejectionReason.MachineTokenInvalid, "Clerk did not accept the machine token."));
    }
}
