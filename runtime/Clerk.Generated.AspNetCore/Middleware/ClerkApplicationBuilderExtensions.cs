using Microsoft.AspNetCore.Builder;

namespace Clerk.Generated.AspNetCore;

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
        return app.Use(next =>
        {
            var instance = new ClerkMiddleware(next, options);
            return instance.InvokeAsync;
        });
    }
}
