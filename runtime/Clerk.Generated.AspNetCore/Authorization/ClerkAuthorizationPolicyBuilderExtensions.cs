using Clerk.Generated.Authentication;
using Clerk.Generated.Guards;
using Microsoft.AspNetCore.Authorization;

namespace Clerk.Generated.Authorization;

/// <summary>Adds Clerk requirements to authorization policies: <c>policy.RequireOrganizationPermission("org:invoices:read")</c>.</summary>
public static class ClerkAuthorizationPolicyBuilderExtensions
{
    /// <summary>Requires a Clerk-authenticated user (the <c>Clerk</c> scheme, authenticated).</summary>
    public static AuthorizationPolicyBuilder RequireClerkSession(this AuthorizationPolicyBuilder policy, string scheme = ClerkAuthenticationDefaults.AuthenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.AddAuthenticationSchemes(scheme).RequireAuthenticatedUser();
    }

    /// <summary>Requires the active organization to grant <paramref name="permission"/> (<c>org:invoices:read</c>).</summary>
    public static AuthorizationPolicyBuilder RequireOrganizationPermission(this AuthorizationPolicyBuilder policy, string permission) =>
        Add(policy, new ClerkOrganizationPermissionRequirement(permission));

    /// <summary>Requires the organization role to be one of <paramref name="roles"/> (<c>org:admin</c> or <c>admin</c>).</summary>
    public static AuthorizationPolicyBuilder RequireOrganizationRole(this AuthorizationPolicyBuilder policy, params string[] roles) =>
        Add(policy, new ClerkOrganizationRoleRequirement(roles));

    /// <summary>Requires an active organization, or a specific one.</summary>
    public static AuthorizationPolicyBuilder RequireActiveOrganization(this AuthorizationPolicyBuilder policy, string? organizationId = null) =>
        Add(policy, new ClerkActiveOrganizationRequirement(organizationId));

    /// <summary>Requires a feature entitlement.</summary>
    public static AuthorizationPolicyBuilder RequireFeature(this AuthorizationPolicyBuilder policy, string feature) =>
        Add(policy, new ClerkFeatureRequirement(feature));

    /// <summary>Requires a plan.</summary>
    public static AuthorizationPolicyBuilder RequirePlan(this AuthorizationPolicyBuilder policy, string plan) =>
        Add(policy, new ClerkPlanRequirement(plan));

    /// <summary>Requires factors verified within <paramref name="maxAge"/> (step-up).</summary>
    public static AuthorizationPolicyBuilder RequireFactorVerification(this AuthorizationPolicyBuilder policy, TimeSpan maxAge, ClerkFactorLevel level = ClerkFactorLevel.SecondFactor) =>
        Add(policy, new ClerkFactorVerificationRequirement(maxAge, level));

    private static AuthorizationPolicyBuilder Add(AuthorizationPolicyBuilder policy, ClerkAuthorizationRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.AddRequirements(requirement);
    }
}
