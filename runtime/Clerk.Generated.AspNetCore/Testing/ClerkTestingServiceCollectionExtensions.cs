using Clerk.Generated.Authentication;
using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// For tests of an application's own protected endpoints (with <c>WebApplicationFactory</c> or TestHost): points the
/// Clerk scheme at test keys, after the application's own configuration ran.
/// </summary>
/// <example>
/// <code>
/// using var tokens = new ClerkTestTokens();
/// var client = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.UseClerkTestKeys(tokens.Keys))).CreateClient();
/// client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.Mint());
/// </code>
/// </example>
public static class ClerkTestingServiceCollectionExtensions
{
    /// <summary>
    /// Makes the Clerk scheme <paramref name="scheme"/> validate with <paramref name="keys"/> (for example
    /// <c>ClerkTestTokens.Keys</c>) instead of the configured key source, and lets <paramref name="configure"/>
    /// adjust anything else (authorized parties, issuer) for the test.
    /// </summary>
    public static IServiceCollection UseClerkTestKeys(
        this IServiceCollection services,
        IJwksProvider keys,
        Action<ClerkAuthenticationOptions>? configure = null,
        string scheme = ClerkAuthenticationDefaults.AuthenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(keys);
        services.PostConfigure<ClerkAuthenticationOptions>(scheme, options =>
        {
            options.Keys = keys;
            configure?.Invoke(options);
        });
        return services;
    }
}
