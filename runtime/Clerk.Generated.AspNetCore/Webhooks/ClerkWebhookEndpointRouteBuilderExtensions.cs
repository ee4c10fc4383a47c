using System.Diagnostics.CodeAnalysis;
using Clerk.Generated.Middleware;
using Clerk.Generated.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clerk.Generated.Webhooks;

/// <summary>Maps the endpoint Clerk (through Svix) delivers webhooks to.</summary>
public static class ClerkWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c>: reads the raw body up to <see cref="ClerkWebhookOptions.MaxBodyBytes"/>
    /// (413 beyond), verifies the Svix signature and timestamp (400 when either fails), dispatches the event to
    /// <paramref name="handlers"/>, and answers 204 only after every handler succeeded (500 otherwise, so Svix
    /// retries). The endpoint allows anonymous requests: the signature is its authentication.
    /// Each verified delivery id is claimed in the registered <see cref="IClerkWebhookDeliveryStore"/> (else one
    /// in memory): a delivery already processed answers 204 without running handlers, one being processed by
    /// another request answers 409, and a failed delivery is released so the retry runs it.
    /// </summary>
    /// <remarks>
    /// The verifier is the registered <see cref="ClerkWebhookVerifier"/> (see
    /// <see cref="ClerkWebhookServiceCollectionExtensions.AddClerkWebhooks"/>), else one built from the registered
    /// <see cref="ClerkWebhookOptions"/> or, without those, from <c>CLERK_WEBHOOK_SIGNING_SECRET</c>. It is resolved
    /// here, so a missing secret fails at startup rather than on the first delivery.
    /// </remarks>
    /// <exception cref="ClerkWebhookSecretException">No signing secret is configured, or it is malformed.</exception>
    public static IEndpointConventionBuilder MapClerkWebhooks(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern,
        ClerkWebhookHandlers handlers)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(handlers);

        var services = endpoints.ServiceProvider;
        var options = services.GetService<IOptions<ClerkWebhookOptions>>()?.Value ?? new ClerkWebhookOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBodyBytes, "ClerkWebhookOptions.MaxBodyBytes");
        var verifier = services.GetService<ClerkWebhookVerifier>()
                       ?? ClerkWebhookVerifier.Create(options, services.GetService<TimeProvider>());
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(ClerkWebhookEndpoint.LogCategory)
                     ?? NullLogger.Instance;

        var deliveries = services.GetService<IClerkWebhookDeliveryStore>()
                         ?? new InMemoryClerkWebhookDeliveryStore(options, services.GetService<TimeProvider>());
        var endpoint = new ClerkWebhookEndpoint(verifier, handlers.Build(), deliveries, options.MaxBodyBytes, logger);
        return endpoints.MapPost(pattern, (RequestDelegate)endpoint.HandleAsync)
            .AllowAnonymous()
            .WithDisplayName($"Clerk webhooks {pattern}");
    }

    /// <summary>Maps the webhook endpoint with handlers configured inline.</summary>
    /// <exception cref="ClerkWebhookSecretException">No signing secret is configured, or it is malformed.</exception>
    public static IEndpointConventionBuilder MapClerkWebhooks(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern,
        Action<ClerkWebhookHandlers> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var handlers = new ClerkWebhookHandlers();
        configure(handlers);
        return endpoints.MapClerkWebhooks(pattern, handlers);
    }
}
