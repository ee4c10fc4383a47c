using Clerk.Generated.Tokens;

namespace Clerk.Generated.Authorization;

/// <summary>The session's organization role is one of the given roles (<c>org:admin</c> or <c>admin</c>).</summary>
public sealed class ClerkOrganizationRoleRequirement : ClerkAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    public ClerkOrganizationRoleRequirement(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        Roles = roles.ToArray();
        if (Roles.Count == 0 || Roles.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("At least one non-empty role is required.", nameof(roles));
        }
    }

    /// <summary>The accepted roles.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <inheritdoc />
    public override bool IsSatisfiedBy(ClerkJwt jwt) => Roles.Any(jwt.HasRole);

    /// <inheritdoc />
    public override string Describe() => $"organization role {string.Join(" or ", Roles)}";
}
