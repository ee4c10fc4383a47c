using Clerk.Generated.Tokens;

namespace Clerk.Generated.Authorization;

/// <summary>The session is on a plan (<c>pro</c>, <c>user:pro</c>, <c>org:business</c>), as <see cref="ClerkJwt.HasPlan"/>.</summary>
public sealed class ClerkPlanRequirement : ClerkAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    public ClerkPlanRequirement(string plan)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(plan);
        Plan = plan;
    }

    /// <summary>The required plan.</summary>
    public string Plan { get; }

    /// <inheritdoc />
    public override bool IsSatisfiedBy(ClerkJwt jwt) => jwt.HasPlan(Plan);

    /// <inheritdoc />
    public override string Describe() => $"plan {Plan}";
}
