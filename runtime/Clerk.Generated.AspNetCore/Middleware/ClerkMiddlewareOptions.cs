using Clerk.Generated.Authentication;

namespace Clerk.Generated.Middleware;

/// <summary>
/// What <c>UseClerk</c> protects, in the manner of clerk-rs's <c>ClerkLayer</c> but with ASP.NET route templates, so
/// <c>/users/{id}</c> and <c>/api/{**rest}</c> match paths with parameters.
/// </summary>
public sealed class ClerkMiddlewareOptions
{
    /// <summary>
    /// Route templates whose requests need a valid token. Empty means every request (except
    /// <see cref="ExcludedRoutes"/>). Matched by shape: inline constraints are not evaluated here, so
    /// <c>/users/{id:int}</c> also protects <c>/users/abc</c> (protecting too much is the safe direction).
    /// </summary>
    public IList<string> ProtectedRoutes { get; } = new List<string>();

    /// <summary>
    /// Route templates that are never checked (health probes, webhooks, public pages). Exclusion wins. Inline
    /// constraints are evaluated as routing evaluates them (<c>/public/{id:int}</c> excludes <c>/public/5</c>, not
    /// <c>/public/secret</c>), so an exclusion never covers more than its template says; a constraint the
    /// application's routing does not know fails <c>UseClerk</c> at start-up.
    /// </summary>
    public IList<string> ExcludedRoutes { get; } = new List<string>();

    /// <summary>
    /// Whether the <c>__session</c> cookie is read when there is no bearer header. Null keeps the scheme's
    /// <see cref="ClerkAuthenticationOptions.ValidateSessionCookie"/>.
    /// </summary>
    public bool? ValidateSessionCookie { get; set; }

    /// <summary>The Clerk scheme whose options and events validate the token. Default <c>Clerk</c>.</summary>
    public string Scheme { get; set; } = ClerkAuthenticationDefaults.AuthenticationScheme;
}
