using Clerk.Generated.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Clerk.Generated.Middleware;

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

    public ClerkMiddleware(RequestDelegate next, ClerkMiddlewareOptions options, ClerkRouteSet protectedRoutes, ClerkRouteSet excludedRoutes)
    {
        _next = next;
        _options = options;
        _protected = protectedRoutes;
        _excluded = excludedRoutes;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (_excluded.Matches(context) || (!_protected.IsEmpty && !_protected.Matches(context)))
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        // The scheme's result may already be cached for this request (WebApplication adds UseAuthentication ahead of
        // everything), so a cookie override is applied to that result rather than by re-running the scheme.
        var result = await context.AuthenticateAsync(_options.Scheme).ConfigureAwait(false);
        var source = context.Features.Get<IClerkAuthenticationFeature>()?.Source;
        if (result.Succeeded && _options.ValidateSessionCookie == false && source == ClerkTokenSource.SessionCookie)
        {
            context.Features.Set<IClerkAuthenticationFeature>(null);
            await context.ChallengeAsync(_options.Scheme).ConfigureAwait(false);
            return;
        }

        if (result.None && _options.ValidateSessionCookie == true)
        {
            result = await AuthenticateFromCookieAsync(context).ConfigureAwait(false);
            if (result.Failure is ClerkAuthenticationException { IsServiceUnavailable: true } unavailable)
            {
                context.Response.Headers.RetryAfter = unavailable.RetryAfterSeconds;
                await ClerkProblemDetails.WriteAsync(
                    context, StatusCodes.Status503ServiceUnavailable, "Authentication unavailable", unavailable.Message, unavailable.Reason.ToString()).ConfigureAwait(false);
                return;
            }
        }

        if (!result.Succeeded)
        {
            await context.ChallengeAsync(_options.Scheme).ConfigureAwait(false);
            return;
        }

        context.User = result.Principal;
        await _next(context).ConfigureAwait(false);
    }

    /// <summary>Validates the session cookie the scheme was configured not to read (the middleware's override).</summary>
    private async Task<AuthenticateResult> AuthenticateFromCookieAsync(HttpContext context)
    {
        var scheme = context.RequestServices.GetRequiredService<ClerkValidatorProvider>().Get(_options.Scheme);
        var token = ClerkRequestToken.Find(context.Request, readCookie: true, scheme.SuffixedCookieName, out var source);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        var validation = await scheme.Validator.ValidateAsync(token, context.RequestAborted).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return AuthenticateResult.Fail(new ClerkAuthenticationException(validation, source));
        }

        context.Features.Set<IClerkAuthenticationFeature>(new ClerkAuthenticationFeature(validation.Token, validation.MachineToken, source));
        return AuthenticateResult.Success(new AuthenticationTicket(ClerkPrincipalFactory.Create(validation), _options.Scheme));
    }
}
