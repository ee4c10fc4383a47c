using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.AspNetCore;

/// <summary>
/// clerk-rs's <c>ClerkLayer</c>, ASP.NET style: requests on protected routes need a valid token (else the Clerk
/// scheme's challenge: 401, or 503 when signing keys cannot be had); others pass through untouched. On success the
/// request's <see cref="HttpContext.User"/> is the Clerk principal and <c>GetClerkJwt()</c> returns the token.
/// </summary>
internal sealed class ClerkMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ClerkMiddlewareOptions _options;
    private readonly ClerkRouteSet _protected;
    private readonly ClerkRouteSet _excluded;

    public ClerkMiddleware(RequestDelegate next, ClerkMiddlewareOptions options)
    {
        _next = next;
        _options = options;
        _protected = new ClerkRouteSet(options.ProtectedRoutes);
        _excluded = new ClerkRouteSet(options.ExcludedRoutes);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (_excluded.Matches(path) || (!_protected.IsEmpty && !_protected.Matches(path)))
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        if (_options.ValidateSessionCookie is { } readCookie)
        {
            context.Items[ClerkAuthenticationHandler.CookieOverrideItem] = readCookie;
        }

        var result = await context.AuthenticateAsync(_options.Scheme).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            await context.ChallengeAsync(_options.Scheme).ConfigureAwait(false);
            return;
        }

        context.User = result.Principal;
        await _next(context).ConfigureAwait(false);
    }
}
