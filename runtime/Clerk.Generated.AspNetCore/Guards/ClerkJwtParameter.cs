using Clerk.Generated.Authentication;
using Clerk.Generated.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Clerk.Generated.Guards;

/// <summary>
/// Makes <see cref="ClerkJwt"/> a request guard: registered as a scoped service, a minimal-API handler parameter of
/// that type is resolved from the request's authentication. <see cref="ClerkJwtEndpointPolicy"/> answers requests
/// without a token before binding, so the handler never runs; elsewhere (a controller resolving the service) the
/// resolution fails with a 401 <see cref="BadHttpRequestException"/>, which <see cref="ClerkGuardStartupFilter"/>
/// turns into the Clerk challenge.
/// </summary>
internal static class ClerkJwtParameter
{
    internal const string MissingMessage = "This endpoint requires a valid Clerk session token.";

    public static ClerkJwt Resolve(IServiceProvider services)
    {
        var context = services.GetRequiredService<IHttpContextAccessor>().HttpContext;
        return context?.GetClerkJwt() ?? throw new BadHttpRequestException(MissingMessage, StatusCodes.Status401Unauthorized);
    }
}
