using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Tokens;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clerk.Generated.Fleet;

/// <summary>
/// Reports what a Clerk-protected instance depends on: the freshness of its signing keys (JWKS), whether its last
/// request to Clerk's Backend API for them succeeded, and whether the fleet's shared store answers.
/// Unhealthy: keys were never obtained and the last fetch failed (session tokens cannot be validated).
/// Degraded: keys are stale, the last fetch failed, or the shared store is unreachable (the instance works on
/// local state: per-instance webhook deduplication and Backend API calls).
/// Healthy otherwise, including before the first key fetch.
/// </summary>
/// <remarks>Reachability is read from the key fetches already made, so a health probe never costs a Backend API call.</remarks>
public sealed class ClerkHealthCheck(IEnumerable<JwksCache> keySources, IClerkSharedStoreHealth? sharedStore = null, TimeProvider? timeProvider = null) : IHealthCheck
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var problems = new List<string>();
        var unhealthy = false;
        var now = _time.GetUtcNow();
        foreach (var keys in keySources)
        {
            var state = keys.Health(now);
            data["jwks:" + keys.Scope] = state.ToString();
            switch (state)
            {
                case JwksHealth.NeverFetched:
                    unhealthy = true;
                    problems.Add("signing keys could not be fetched from Clerk");
                    break;
                case JwksHealth.Stale:
                    problems.Add("signing keys are stale: Clerk's Backend API did not answer the last fetch");
                    break;
                case JwksHealth.LastFetchFailed:
                    problems.Add("the last request for signing keys to Clerk's Backend API failed");
                    break;
            }
        }

        if (sharedStore is not null)
        {
            var reachable = await sharedStore.IsReachableAsync(cancellationToken).ConfigureAwait(false);
            data[sharedStore.Name] = reachable ? "reachable" : "unreachable";
            if (!reachable)
            {
                problems.Add($"{sharedStore.Name} is unreachable: webhook deduplication, verdicts and the rate limit are per instance");
            }
        }

        var description = problems.Count == 0 ? "Clerk keys and the shared store are available." : string.Join("; ", problems) + ".";
        return unhealthy ? HealthCheckResult.Unhealthy(description, data: data)
            : problems.Count > 0 ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}
