using Clerk.Generated.Tokens;

namespace Clerk.Generated.Authorization;

/// <summary>The session's active organization grants a permission (<c>org:invoices:read</c>; the <c>org:</c> prefix is optional).</summary>
public sealed class ClerkOrganizationPermissionRequirement : ClerkAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    public ClerkOrganizationPermissionRequirement(string permission)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(permission);
        Permission = permission;
    }

    /// <summary>The required permission.</summary>
    public string Permission { get; }

    /// <inheritdoc />
    public override bool IsSatisfiedBy(ClerkJwt jwt) => jwt.HasPermission(Permission);

    /// <inheritdoc />
    public override string Describe() => $"organization permission {Permission}";
}
