using System.Collections.Concurrent;
using System.Reflection;
using Clerk.Generated.Authentication;
using Clerk.Generated.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace Clerk.Generated.Guards;

/// <summary>
/// Guards the minimal-API handlers that take a <see cref="ClerkJwt"/> parameter: once routing has chosen such an
/// endpoint, it runs behind a check that answers a request without a valid session token with the Clerk challenge
/// (401), or with 403 when the request is authenticated some other way, before parameter binding. A missing token
/// is therefore an answer, not an exception that the developer exception page would log with its stack trace.
/// </summary>
internal sealed class ClerkJwtEndpointPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    // One guarded copy per endpoint (null for endpoints that need none), built on first sight.
    private readonly ConcurrentDictionary<Endpoint, Endpoint?> _guarded = new();

    /// <summary>After every other policy, so the endpoint that is finally chosen is the one guarded.</summary>
    public override int Order => int.MaxValue;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => endpoints.Any(e => GuardedCopy(e) is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && GuardedCopy(candidates[i].Endpoint) is { } guarded)
            {
                candidates.ReplaceEndpoint(i, guarded, candidates[i].Values);
            }
        }

        return Task.CompletedTask;
    }

    private Endpoint? GuardedCopy(Endpoint endpoint) =>
        _guarded.GetOrAdd(endpoint, static e => e.RequestDelegate is { } handler && TakesClerkJwt(e) ? Guard(e, handler) : null);

    // Minimal APIs put the handler's MethodInfo into the endpoint's metadata.
    private static bool TakesClerkJwt(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters().Any(p => p.ParameterType == typeof(ClerkJwt)) == true;

    private static Endpoint Guard(Endpoint endpoint, RequestDelegate handler)
    {
        RequestDelegate guarded = context => context.GetClerkJwt() is null ? RefuseAsync(context) : handler(context);
        return endpoint is RouteEndpoint route
            ? new RouteEndpoint(guarded, route.RoutePattern, route.Order, route.Metadata, route.DisplayName)
            : new Endpoint(guarded, endpoint.Metadata, endpoint.DisplayName);
    }

    private static Task RefuseAsync(HttpContext context) => context.User.Identity?.IsAuthenticated == true
        ? context.ForbidAsync(ClerkAuthenticationDefaults.AuthenticationScheme)
        : context.ChallengeAsync(ClerkAuthenticationDefaults.AuthenticationScheme);
}
