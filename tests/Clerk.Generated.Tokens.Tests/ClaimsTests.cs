using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Tokens.Tests;

public sealed record TenantClaim(string Name, int Seats);

[JsonSerializable(typeof(TenantClaim))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public sealed partial class TestClaimsContext : JsonSerializerContext;

public sealed class ClaimsTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 12, 12, 0, 0, TimeSpan.Zero);

    private static readonly ClerkTestOrganization Acme = new(
        "org_2acme", "acme", "admin", ["org:invoices:read", "org:invoices:write", "org:reports:read", "org:sys_memberships:manage"]);

    private readonly FakeTimeProvider _time = new(Now);

    private async Task<ClerkJwt> ValidateAsync(Func<ClerkTestTokens, string> mint)
    {
        using var tokens = new ClerkTestTokens(SharedKeys.Primary, _time);
        var result = await new ClerkTokenValidator(tokens.Keys, timeProvider: _time).ValidateAsync(mint(tokens));
        Assert.That(result.IsValid, Is.True, result.Message);
        return result.Token!;
    }

    [Test]
    public async Task V1_and_v2_claims_give_the_same_active_organization()
    {
        var v1 = await ValidateAsync(t => t.MintV1(new() { Organization = Acme }));
        var v2 = await ValidateAsync(t => t.MintV2(new() { Organization = Acme }));

        Assert.That(v1.Version, Is.EqualTo(1));
        Assert.That(v2.Version, Is.EqualTo(2));
        foreach (var org in new[] { v1.Organization!, v2.Organization! })
        {
            Assert.Multiple(() =>
            {
                Assert.That(org.Id, Is.EqualTo("org_2acme"));
                Assert.That(org.Slug, Is.EqualTo("acme"));
                Assert.That(org.Role, Is.EqualTo("org:admin"));
                Assert.That(org.Permissions, Is.EquivalentTo(Acme.Permissions!));
            });
        }
    }

    [Test]
    public async Task V2_permissions_are_expanded_from_the_feature_bitmasks()
    {
        // Hand-written v2 claims: features o:invoices, u:dashboard, ou:reports; actions read, write, manage.
        // fpm masks follow organization-scoped features in fea order (invoices, reports): 3 = read|write, 1 = read.
        var jwt = await ValidateAsync(t => t.SignRaw(
            t.WriteHeader(new()),
            $$$"""{"sub":"user_1","exp":{{{Now.ToUnixTimeSeconds() + 60}}},"v":2,"fea":"o:invoices,u:dashboard,ou:reports","o":{"id":"org_1","rol":"member","per":"read,write,manage","fpm":"3,1"}}"""));

        Assert.That(jwt.Organization!.Permissions, Is.EqualTo(new[] { "org:invoices:read", "org:invoices:write", "org:reports:read" }));
        Assert.That(jwt.Organization.Role, Is.EqualTo("org:member"));
    }

    [Test]
    public async Task V2_bitmasks_wider_than_53_bits_are_read_exactly()
    {
        // 70 actions; the mask grants only action 0 and action 69 (2^69 + 1), beyond double precision.
        var actions = Enumerable.Range(0, 70).Select(i => $"a{i}").ToArray();
        var mask = (System.Numerics.BigInteger.One << 69) + 1;
        var jwt = await ValidateAsync(t => t.SignRaw(
            t.WriteHeader(new()),
            $$$"""{"sub":"user_1","exp":{{{Now.ToUnixTimeSeconds() + 60}}},"v":2,"fea":"o:f","o":{"id":"org_1","rol":"x","per":"{{{string.Join(',', actions)}}}","fpm":"{{{mask}}}"}}"""));

        Assert.That(jwt.Organization!.Permissions, Is.EqualTo(new[] { "org:f:a0", "org:f:a69" }));
    }

    [Test]
    public async Task Malformed_v2_organization_claims_grant_nothing()
    {
        var jwt = await ValidateAsync(t => t.SignRaw(
            t.WriteHeader(new()),
            $$$"""{"sub":"user_1","exp":{{{Now.ToUnixTimeSeconds() + 60}}},"v":2,"fea":"o:invoices","o":{"id":"org_1","rol":"admin","per":"read","fpm":"-1"}}"""));

        Assert.That(jwt.Organization!.Permissions, Is.Empty);
        Assert.That(jwt.HasPermission("org:invoices:read"), Is.False);
        Assert.That(jwt.HasRole("admin"), Is.True);
    }

    [TestCase(1)]
    [TestCase(2)]
    public async Task Has_checks_match_clerks_prefix_rules_and_fail_closed(int version)
    {
        var jwt = await ValidateAsync(t => t.Mint(new()
        {
            Version = version,
            Organization = Acme,
            Features = ["u:dashboard"],
            Plans = ["u:pro", "o:team"],
        }));

        Assert.Multiple(() =>
        {
            Assert.That(jwt.HasPermission("org:invoices:read"), Is.True);
            Assert.That(jwt.HasPermission("invoices:read"), Is.True, "Clerk adds the org: prefix");
            Assert.That(jwt.HasPermission("org:invoices:delete"), Is.False);
            Assert.That(jwt.HasPermission(""), Is.False);
            Assert.That(jwt.HasPermission(null), Is.False);
            Assert.That(jwt.HasRole("org:admin"), Is.True);
            Assert.That(jwt.HasRole("admin"), Is.True);
            Assert.That(jwt.HasRole("org:member"), Is.False);
            Assert.That(jwt.HasPlan("pro"), Is.True);
            Assert.That(jwt.HasPlan("user:pro"), Is.True);
            Assert.That(jwt.HasPlan("org:pro"), Is.False, "pro is a user plan");
            Assert.That(jwt.HasPlan("o:team"), Is.True);
            Assert.That(jwt.HasPlan("weird:team"), Is.False, "unknown scope fails closed");
            Assert.That(jwt.HasFeature("dashboard"), Is.True);
            Assert.That(jwt.HasFeature("org:dashboard"), Is.False);
        });
        if (version == 2)
        {
            // In v2 the organization's features are listed in fea (organization scope), so they can be checked too.
            Assert.That(jwt.HasFeature("org:invoices"), Is.True);
        }
    }

    [Test]
    public async Task A_token_without_an_organization_has_none_and_every_org_check_fails()
    {
        var jwt = await ValidateAsync(t => t.Mint(new() { Organization = null }));

        Assert.That(jwt.Organization, Is.Null);
        Assert.That(jwt.HasRole("admin"), Is.False);
        Assert.That(jwt.HasPermission("org:invoices:read"), Is.False);
        Assert.That(jwt.HasFeature("anything"), Is.False);
        Assert.That(jwt.HasPlan("anything"), Is.False);
    }

    [Test]
    public async Task Actor_factor_age_and_status_are_read()
    {
        var jwt = await ValidateAsync(t => t.Mint(new()
        {
            Actor = new ClerkActor("user_admin", "https://dashboard.clerk.com", "sess_admin", "impersonation"),
            FactorVerificationAge = new FactorVerificationAge(3, -1),
            SessionStatus = "active",
        }));

        Assert.That(jwt.Actor, Is.EqualTo(new ClerkActor("user_admin", "https://dashboard.clerk.com", "sess_admin", "impersonation")));
        Assert.That(jwt.IsImpersonated, Is.True);
        Assert.That(jwt.FactorVerificationAge, Is.EqualTo(new FactorVerificationAge(3, -1)));
        Assert.That(jwt.FactorVerificationAge!.Value.FirstFactorVerifiedWithin(10), Is.True);
        Assert.That(jwt.FactorVerificationAge!.Value.SecondFactorVerifiedWithin(10), Is.False);
        Assert.That(jwt.SessionStatus, Is.EqualTo("active"));
    }

    [Test]
    public async Task Custom_claims_are_read_through_source_generated_metadata()
    {
        var jwt = await ValidateAsync(t => t.Mint(new()
        {
            AdditionalClaims = new JsonObject
            {
                ["tenant"] = new JsonObject { ["name"] = "acme", ["seats"] = 12 },
                ["email"] = "a@b.c",
            },
        }));

        Assert.That(jwt.TryGetClaim("tenant", TestClaimsContext.Default.TenantClaim, out var tenant), Is.True);
        Assert.That(tenant, Is.EqualTo(new TenantClaim("acme", 12)));
        Assert.That(jwt.TryGetClaim("email", out var email), Is.True);
        Assert.That(email.GetString(), Is.EqualTo("a@b.c"));
        Assert.That(jwt.TryGetClaim("email", TestClaimsContext.Default.TenantClaim, out _), Is.False, "wrong shape");
        Assert.That(jwt.TryGetClaim("missing", TestClaimsContext.Default.TenantClaim, out _), Is.False);
        Assert.That(jwt.HasClaim("sub"), Is.True);
    }

    [Test]
    public async Task Escaped_strings_are_unescaped_and_compared_after_unescaping()
    {
        using var tokens = new ClerkTestTokens(SharedKeys.Primary, _time);
        var token = tokens.SignRaw(
            tokens.WriteHeader(new()),
            $$"""{"sub":"user_\u00e9\"1","azp":"http:\/\/localhost:3000","exp":{{Now.ToUnixTimeSeconds() + 60}}}""");
        var validator = new ClerkTokenValidator(tokens.Keys, new() { AuthorizedParties = { "http://localhost:3000" } }, _time);

        var result = await validator.ValidateAsync(token);

        Assert.That(result.IsValid, Is.True, result.Message);
        Assert.That(result.Token!.Subject, Is.EqualTo("user_é\"1"));
        Assert.That(result.Token.AuthorizedParty, Is.EqualTo("http://localhost:3000"));
    }

    [Test]
    public async Task ToString_never_contains_the_token()
    {
        using var tokens = new ClerkTestTokens(SharedKeys.Primary, _time);
        var token = tokens.Mint();
        var result = await new ClerkTokenValidator(tokens.Keys, timeProvider: _time).ValidateAsync(token);

        var signature = token.Split('.')[2];
        Assert.That(result.ToString(), Does.Not.Contain(signature));
        Assert.That(result.Token!.ToString(), Does.Not.Contain(signature).And.Contains(result.Token.Subject));
    }
}
