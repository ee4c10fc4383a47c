using System.Security.Claims;
using Clerk.Generated.Middleware;
using Clerk.Generated.Tokens;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.Authentication;

/// <summary>Reads what Clerk authenticated from the request.</summary>
public static class ClerkHttpContextExtensions
{
    /// <summary>
    /// The validated session token of the request, or null when Clerk did not authenticate it (no token, an invalid
    /// one, or a machine token). Set by the Clerk scheme and by <c>UseClerk</c>.
    /// </summary>
    public static ClerkJwt? GetClerkJwt(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<IClerkAuthenticationFeature>()?.Jwt ?? context.User.GetClerkJwt();
    }

    /// <summary>The verified machine token (API key, M2M, OAuth) of the request, or null.</summary>
    public static ClerkMachineToken? GetClerkMachineToken(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<IClerkAuthenticationFeature>()?.MachineToken
               ?? FindBootstrap<ClerkMachineToken>(context.User);
    }

    /// <summary>The session token a Clerk identity of <paramref name="principal"/> was built from, or null.</summary>
    public static ClerkJwt? GetClerkJwt(this ClaimsPrincipal? principal) => FindBootstrap<ClerkJwt>(principal);

    private static T? FindBootstrap<T>(ClaimsPrincipal? principal)
        where T : class
    {
        if (principal is null)
        {
            return null;
        }

        foreach (var identity in principal.Identities)
        {
            if (identity.IsAuthenticated && identity.BootstrapContext is T value)
            {
                return value;
            }
        }

        return null;
    }
}
