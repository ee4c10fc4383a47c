using Clerk.Generated.Tokens;
using Microsoft.AspNetCore.Authorization;

namespace Clerk.Generated.Authorization;

/// <summary>
/// A check on the validated session token. Every Clerk requirement derives from this, so one handler
/// (<see cref="ClerkAuthorizationHandler"/>) evaluates them all, and a failed one can say what was missing.
/// </summary>
public abstract class ClerkAuthorizationRequirement : IAuthorizationRequirement
{
    /// <summary>Whether <paramref name="jwt"/> satisfies the requirement. Must fail closed.</summary>
    public abstract bool IsSatisfiedBy(ClerkJwt jwt);

    /// <summary>What the requirement asks for, in words safe to show the client (for example <c>organization permission org:invoices:read</c>).</summary>
    public abstract string Describe();

    /// <inheritdoc />
    public override string ToString() => Describe();
}
