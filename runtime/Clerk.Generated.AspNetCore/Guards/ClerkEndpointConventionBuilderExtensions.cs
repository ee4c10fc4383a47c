using Clerk.Generated.Authentication;
using Clerk.Generated.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.Guards;

/// <summary>Protects minimal-API endpoints (and groups) with Clerk.</summary>
public static class ClerkEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Adds an endpoint filter that runs the handler only for a request carrying a valid Clerk token (401 otherwise,
    /// 503 when signing keys cannot be had). Works without <c>UseAuthentication</c> / <c>UseAuthorization</c>.
    /// </summary>
    public static TBuilder RequireClerk<TBuilder>(this TBuilder builder, string scheme = ClerkAuthenticationDefaults.AuthenticationScheme)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        builder.AddEndpointFilter(new ClerkRequiredEndpointFilter(scheme));
        return builder;
    }

    /// <summary>Requires a Clerk session whose active organization grants <paramref name="permission"/> (403 otherwise).</summary>
    public static TBuilder RequireOrganizationPermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireClerkPolicy(policy => policy.RequireOrganizationPermission(permission));

    /// <summary>Requires a Clerk session whose organization role is one of <paramref name="roles"/> (403 otherwise).</summary>
    public static TBuilder RequireOrganizationRole<TBuilder>(this TBuilder builder, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireClerkPolicy(policy => policy.RequireOrganizationRole(roles));

    /// <summary>Requires a Clerk session with an active organization (403 otherwise).</summary>
    public static TBuilder RequireActiveOrganization<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireClerkPolicy(policy => policy.RequireActiveOrganization());

    /// <summary>Requires a Clerk session entitled to <paramref name="feature"/> (403 otherwise).</summary>
    public static TBuilder RequireFeature<TBuilder>(this TBuilder builder, string feature)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireClerkPolicy(policy => policy.RequireFeature(feature));

    /// <summary>Requires a Clerk session on <paramref name="plan"/> (403 otherwise).</summary>
    public static TBuilder RequirePlan<TBuilder>(this TBuilder builder, string plan)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireClerkPolicy(policy => policy.RequirePlan(plan));

    /// <summary>Requires factors verified within <paramref name="maxAge"/> (step-up; 403 otherwise).</summary>
    public static TBuilder RequireFactorVerification<TBuilder>(this TBuilder builder, TimeSpan maxAge, ClerkFactorLevel level = ClerkFactorLevel.SecondFactor)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireClerkPolicy(policy => policy.RequireFactorVerification(maxAge, level));

    /// <summary>Requires a policy on the Clerk scheme, built by <paramref name="configure"/> (needs <c>UseAuthorization</c>).</summary>
    public static TBuilder RequireClerkPolicy<TBuilder>(this TBuilder builder, Action<AuthorizationPolicyBuilder> configure)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var policy = new AuthorizationPolicyBuilder(ClerkAuthenticationDefaults.AuthenticationScheme).RequireAuthenticatedUser();
        configure(policy);
        return builder.RequireAuthorization(policy.Build());
    }
}
