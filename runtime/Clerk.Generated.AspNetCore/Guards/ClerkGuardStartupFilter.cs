using Clerk.Generated.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.Guards;

/// <summary>
/// Puts, outermost in the pipeline, the small middleware that answers a missing <see cref="Tokens.ClerkJwt"/>
/// parameter with the Clerk challenge (401 with problem details) instead of letting it surface as a server error.
/// </summary>
internal sealed class ClerkGuardStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(static async (context, nextMiddleware) =>
        {
            try
            {
                await nextMiddleware(context).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status401Unauthorized
                                                     && e.Message == ClerkJwtParameter.MissingMessage
                                                     && !context.Response.HasStarted)
            {
                await context.ChallengeAsync(ClerkAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            }
        });
        next(app);
    };
}
