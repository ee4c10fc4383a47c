using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.Guards;

/// <summary>
/// The endpoint filter behind <c>.RequireClerk()</c>: authenticates the request with a Clerk scheme and lets the
/// handler run only when that succeeded; otherwise the scheme's challenge answers (401, or 503 when keys cannot be
/// had). Needs neither <c>UseAuthentication</c> nor <c>UseAuthorization</c>.
/// </summary>
internal sealed class ClerkRequiredEndpointFilter(string scheme) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var result = await context.AuthenticateAsync(scheme).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return new ClerkChallengeResult(scheme);
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            context.User = result.Principal;
        }

        return await next(invocation).ConfigureAwait(false);
    }

    /// <summary>Lets the scheme write the challenge when the filter's result is executed.</summary>
    private sealed class ClerkChallengeResult(string scheme) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => httpContext.ChallengeAsync(scheme);
    }
}
