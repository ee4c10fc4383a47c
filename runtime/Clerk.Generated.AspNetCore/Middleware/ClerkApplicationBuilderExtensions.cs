using Clerk.Generated.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clerk.Generated.Middleware;

/// <summary>Adds the Clerk middleware (clerk-rs <c>ClerkLayer</c> semantics) to the pipeline.</summary>
public static class ClerkApplicationBuilderExtensions
{
    /// <summary>
    /// Requires a valid Clerk token on the routes <paramref name="configure"/> protects (every route when none are
    /// listed), except excluded ones. Needs the scheme: <c>services.AddAuthentication().AddClerk(...)</c>.
    /// </summary>
    public static IApplicationBuilder UseClerk(this IApplicationBuilder app, Action<ClerkMiddlewareOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = new ClerkMiddlewareOptions();
        configure?.Invoke(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Scheme, "ClerkMiddlewareOptions.Scheme");
        if (options.ValidateSessionCookie == true
            && app.ApplicationServices.GetService<IOptionsMonitor<ClerkAuthenticationOptions>>()?.Get(options.Scheme) is { } scheme
            && scheme.AuthorizedParties.Count == 0
            && !scheme.AllowSessionCookieWithoutAuthorizedParties)
        {
            throw new InvalidOperationException("UseClerk turns ValidateSessionCookie on for scheme '" + options.Scheme + "', but "
                + ClerkAuthenticationOptionsValidator.CookieWithoutAuthorizedPartiesMessage);
        }

        var constraints = app.ApplicationServices.GetService<IInlineConstraintResolver>();
        if (constraints is null && options.ExcludedRoutes.FirstOrDefault(ClerkRouteSet.HasConstraints) is { } constrained)
        {
            throw new InvalidOperationException(
                $"UseClerk cannot exclude '{constrained}': its route constraints can only be evaluated with routing's constraint resolver, "
                + "and no IInlineConstraintResolver is registered (call services.AddRouting()). Excluding the template without its constraints would leave more paths unauthenticated than it names.");
        }

        // Built here so a malformed template or an unknown constraint fails at start-up, at the UseClerk call.
        // Protected templates match by shape (a constraint that fails still protects: the safe direction);
        // excluded templates evaluate their constraints, so an exclusion never covers more than routing would.
        var protectedRoutes = new ClerkRouteSet(options.ProtectedRoutes, constraints: null);
        var excludedRoutes = new ClerkRouteSet(options.ExcludedRoutes, constraints);
        return app.Use(next => new ClerkMiddleware(next, options, protectedRoutes, excludedRoutes).InvokeAsync);
    }
}
