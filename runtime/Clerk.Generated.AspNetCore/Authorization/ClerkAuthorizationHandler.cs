using Clerk.Generated.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Clerk.Generated.Authorization;

/// <summary>
/// Evaluates every <see cref="ClerkAuthorizationRequirement"/> against the Clerk session token of the user. A user
/// without one (anonymous, another scheme, a machine token) fails every Clerk requirement.
/// </summary>
internal sealed class ClerkAuthorizationHandler : AuthorizationHandler<ClerkAuthorizationRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ClerkAuthorizationRequirement requirement)
    {
        if (context.User.GetClerkJwt() is { } jwt && requirement.IsSatisfiedBy(jwt))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
