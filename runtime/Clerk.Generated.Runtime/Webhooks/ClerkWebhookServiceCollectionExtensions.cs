using Clerk.Generated.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers webhook verification with dependency injection.</summary>
public static class ClerkWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ClerkWebhookOptions"/> and a singleton <see cref="ClerkWebhookVerifier"/> built from them
    /// on the registered <see cref="TimeProvider"/> (the system clock unless one is registered). The secret is read
    /// when the verifier is first resolved: from the options, else from <c>CLERK_WEBHOOK_SIGNING_SECRET</c>.
    /// </summary>
    public static IServiceCollection AddClerkWebhooks(this IServiceCollection services, Action<ClerkWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ClerkWebhookOptions>()
            .Validate(o => o.Tolerance >= TimeSpan.Zero, "ClerkWebhookOptions.Tolerance must not be negative.")
            .Validate(o => o.MaxBodyBytes > 0, "ClerkWebhookOptions.MaxBodyBytes must be positive.");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => ClerkWebhookVerifier.Create(
            sp.GetRequiredService<IOptions<ClerkWebhookOptions>>().Value,
            sp.GetService<TimeProvider>()));
        return services;
    }
}
