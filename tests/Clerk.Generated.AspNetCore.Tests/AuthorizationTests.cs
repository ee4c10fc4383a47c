using System.Net;
using Clerk.Generated.Authorization;
using Clerk.Generated.Guards;
using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary>Each Clerk requirement grants and denies; denial is a 403 with problem details naming what was missing.</summary>
public sealed class AuthorizationTests
{
    private static readonly ClerkTestOrganization Reader = new("org_1", "acme", "member", ["org:invoices:read"]);

    public static IEnumerable<TestCaseData> Cases()
    {
        static TestCaseData Case(string name, Action<AuthorizationPolicyBuilder> policy, ClerkTestTokenDescriptor token, bool granted) =>
            new TestCaseData(policy, token, granted).SetName($"{name} ({(granted ? "granted" : "denied")}, v{token.Version})");

        foreach (var version in new[] { 1, 2 })
        {
            var basis = new ClerkTestTokenDescriptor { Version = version };
            yield return Case("Permission", p => p.RequireOrganizationPermission("org:invoices:read"), basis with { Organization = Reader }, true);
            yield return Case("Permission without prefix", p => p.RequireOrganizationPermission("invoices:read"), basis with { Organization = Reader }, true);
            yield return Case("Permission", p => p.RequireOrganizationPermission("org:invoices:write"), basis with { Organization = Reader }, false);
            yield return Case("Permission without organization", p => p.RequireOrganizationPermission("org:invoices:read"), basis, false);
            yield return Case("Role", p => p.RequireOrganizationRole("admin", "member"), basis with { Organization = Reader }, true);
            yield return Case("Role", p => p.RequireOrganizationRole("org:admin"), basis with { Organization = Reader }, false);
            yield return Case("Active organization", p => p.RequireActiveOrganization(), basis with { Organization = Reader }, true);
            yield return Case("Active organization", p => p.RequireActiveOrganization(), basis, false);
            yield return Case("Specific organization", p => p.RequireActiveOrganization("org_2"), basis with { Organization = Reader }, false);
            yield return Case("Feature", p => p.RequireFeature("user:export"), basis with { Features = ["u:export"] }, true);
            yield return Case("Feature", p => p.RequireFeature("user:export"), basis with { Features = ["u:import"] }, false);
            yield return Case("Plan", p => p.RequirePlan("pro"), basis with { Plans = ["u:pro"] }, true);
            yield return Case("Plan", p => p.RequirePlan("pro"), basis with { Plans = ["u:free"] }, false);
        }

        var fresh = new ClerkTestTokenDescriptor { FactorVerificationAge = new FactorVerificationAge(3, 4) };
        yield return Case("Second factor within 10 min", p => p.RequireFactorVerification(TimeSpan.FromMinutes(10)), fresh, true);
        yield return Case("Second factor within 3 min", p => p.RequireFactorVerification(TimeSpan.FromMinutes(3)), fresh, false);
        yield return Case("Second factor never verified", p => p.RequireFactorVerification(TimeSpan.FromMinutes(10)),
            fresh with { FactorVerificationAge = new FactorVerificationAge(3, -1) }, false);
        yield return Case("First factor within 10 min", p => p.RequireFactorVerification(TimeSpan.FromMinutes(10), ClerkFactorLevel.FirstFactor),
            fresh with { FactorVerificationAge = new FactorVerificationAge(3, -1) }, true);
        yield return Case("Multi-factor within 10 min", p => p.RequireFactorVerification(TimeSpan.FromMinutes(10), ClerkFactorLevel.MultiFactor),
            fresh with { FactorVerificationAge = new FactorVerificationAge(3, -1) }, false);
        yield return Case("Factor age without fva", p => p.RequireFactorVerification(TimeSpan.FromMinutes(10)), new ClerkTestTokenDescriptor(), false);
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Requirement_grants_or_denies(Action<AuthorizationPolicyBuilder> policy, ClerkTestTokenDescriptor token, bool granted)
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/r", () => "granted").RequireClerkPolicy(policy));
        using var response = await app.GetAsync("/r", bearer: app.Tokens.Mint(token));
        if (granted)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("granted"));
        }
        else
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            var problem = await ProblemBody.ReadAsync(response);
            Assert.That(problem.Status, Is.EqualTo(403));
            Assert.That(problem.Errors, Has.Length.EqualTo(1));
        }
    }

    [Test]
    public async Task Endpoint_conventions_name_the_missing_permission_and_anonymous_gets_401_not_403()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/invoices", () => "ok").RequireOrganizationPermission("org:invoices:write"));
        using var anonymous = await app.GetAsync("/invoices");
        using var reader = await app.GetAsync("/invoices", bearer: app.Tokens.Mint(new() { Organization = Reader }));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var problem = await ProblemBody.ReadAsync(reader);
        Assert.That(problem.Status, Is.EqualTo(403));
        Assert.That(problem.Errors, Is.EqualTo(new[] { "organization permission org:invoices:write" }));
        Assert.That(problem.Detail, Does.Contain("org:invoices:write"));
    }

    [Test]
    public async Task Named_policies_with_clerk_requirements_work_through_AddAuthorization()
    {
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/admin", () => "ok").RequireAuthorization("OrgAdmin"),
            services: s => s.AddAuthorizationBuilder().AddPolicy("OrgAdmin", p => p.RequireClerkSession().RequireOrganizationRole("admin")));
        using var admin = await app.GetAsync("/admin", bearer: app.Tokens.Mint(new() { Organization = new("org_1", Role: "admin") }));
        using var member = await app.GetAsync("/admin", bearer: app.Tokens.Mint(new() { Organization = Reader }));
        Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(member.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public void Requirements_refuse_empty_arguments()
    {
        Assert.Throws<ArgumentException>(() => new ClerkOrganizationPermissionRequirement(" "));
        Assert.Throws<ArgumentException>(() => new ClerkOrganizationRoleRequirement([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClerkFactorVerificationRequirement(TimeSpan.FromSeconds(5)));
    }
}
