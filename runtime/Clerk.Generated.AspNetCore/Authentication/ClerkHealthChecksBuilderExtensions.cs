using Clerk.Generated.Authentication;
using Clerk.Generated.Fleet;
using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Tokens;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Clerk's health check to ASP.NET Core health checks.</summary>
public static class ClerkHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="ClerkHealthCheck"/> over the JWKS caches of the Clerk authentication schemes used so far and
    /// any <see cref="JwksCache"/> registered as a service, and the registered <see cref="IClerkSharedStoreHealth"/>
    /// (Redis, with <c>AddClerkRedis</c>). Map it with <c>app.MapHealthChecks("/health")</c>.
    /// </summary>
    public static IHealthChecksBuilder AddClerk(
        this IHealthChecksBuilder builder, string name = "clerk", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new ClerkHealthCheck(
                sp.GetServices<JwksCache>().Concat(sp.GetService<ClerkValidatorProvider>()?.KeySources ?? []).Distinct(),
                sp.GetService<IClerkSharedStoreHealth>(),
                sp.GetService<TimeProvider>()),
            failureStatus,
            tags));
    }
}
