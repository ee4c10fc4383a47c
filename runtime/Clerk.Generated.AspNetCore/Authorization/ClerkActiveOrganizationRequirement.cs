using Clerk.Generated.Tokens;

namespace Clerk.Generated.Authorization;

/// <summary>The session has an active organization (optionally a specific one).</summary>
public sealed class ClerkActiveOrganizationRequirement : ClerkAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="organizationId">When set, the active organization must be this one (<c>org_…</c>).</param>
    public ClerkActiveOrganizationRequirement(string? organizationId = null) => OrganizationId = organizationId;

    /// <summary>The required organization id, or null for any.</summary>
    public string? OrganizationId { get; }

    /// <inheritdoc />
    public override bool IsSatisfiedBy(ClerkJwt jwt) =>
        jwt.Organization is { } org && (OrganizationId is null || string.Equals(org.Id, OrganizationId, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string Describe() => OrganizationId is null ? "an active organization" : $"active organization {OrganizationId}";
}
