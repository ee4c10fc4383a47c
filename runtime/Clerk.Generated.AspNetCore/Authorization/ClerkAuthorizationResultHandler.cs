using Clerk.Generated.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.Authorization;

/// <summary>
/// Leaves the failed Clerk requirements of a forbidden request where the Clerk scheme's forbid finds them (so the 403
/// problem details say what was missing), then answers as the default handler does.
/// </summary>
internal sealed class ClerkAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure is { } failure)
        {
            var missing = failure.FailedRequirements.OfType<ClerkAuthorizationRequirement>().Select(r => r.Describe()).ToArray();
            if (missing.Length > 0)
            {
                context.Items[ClerkAuthenticationHandler.FailedRequirementsItem] = missing;
            }
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
