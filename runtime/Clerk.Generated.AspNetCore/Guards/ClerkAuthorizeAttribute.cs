using Clerk.Generated.Authentication;
using Clerk.Generated.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace Clerk.Generated.Guards;

/// <summary>
/// Requires a Clerk-authenticated request on an MVC controller or action (or a minimal-API handler), optionally with
/// an organization permission, role, feature or plan: <c>[ClerkAuthorize(Permission = "org:invoices:read")]</c>.
/// The requirements travel as <see cref="IAuthorizationRequirementData"/>, so no named policy must be registered.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class ClerkAuthorizeAttribute : AuthorizeAttribute, IAuthorizationRequirementData
{
    /// <summary>Requires the Clerk scheme.</summary>
    public ClerkAuthorizeAttribute() => AuthenticationSchemes = ClerkAuthenticationDefaults.AuthenticationScheme;

    /// <summary>An organization permission to require (<c>org:invoices:read</c>).</summary>
    public string? Permission { get; set; }

    /// <summary>An organization role to require (<c>org:admin</c> or <c>admin</c>).</summary>
    public string? Role { get; set; }

    /// <summary>Whether an active organization is required (implied by <see cref="Permission"/> and <see cref="Role"/>).</summary>
    public bool RequireOrganization { get; set; }

    /// <summary>A feature entitlement to require.</summary>
    public string? Feature { get; set; }

    /// <summary>A plan to require.</summary>
    public string? Plan { get; set; }

    /// <inheritdoc />
    public IEnumerable<IAuthorizationRequirement> GetRequirements()
    {
        yield return new Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement();
        if (RequireOrganization)
        {
            yield return new ClerkActiveOrganizationRequirement();
        }

        if (Permission is not null)
        {
            yield return new ClerkOrganizationPermissionRequirement(Permission);
        }

        if (Role is not null)
        {
            yield return new ClerkOrganizationRoleRequirement([Role]);
        }

        if (Feature is not null)
        {
            yield return new ClerkFeatureRequirement(Feature);
        }

        if (Plan is not null)
        {
            yield return new ClerkPlanRequirement(Plan);
        }
    }
}
