using System.Text.Encodings.Web;
using Clerk.Generated.Authentication;
using Clerk.Generated.Authorization;
using Clerk.Generated.Guards;
using Clerk.Generated.Middleware;
using Clerk.Generated.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Clerk authentication scheme.</summary>
public static class ClerkAuthenticationBuilderExtensions
{
    /// <summary>
    /// Adds the <c>Clerk</c> scheme: options from the <c>Clerk</c> configuration section and the environment
    /// (<c>CLERK_SECRET_KEY</c>, <c>CLERK_PUBLISHABLE_KEY</c>, <c>CLERK_JWT_KEY</c>, <c>CLERK_AUTHORIZED_PARTIES</c>),
    /// then <paramref name="configure"/>.
    /// </summary>
    public static AuthenticationBuilder AddClerk(this AuthenticationBuilder builder, Action<ClerkAuthenticationOptions>? configure = null) =>
        builder.AddClerk(ClerkAuthenticationDefaults.AuthenticationScheme, configure);

    /// <summary>
    /// Adds a Clerk scheme named <paramref name="scheme"/>. Also registers: options validation at start-up, the
    /// 403-with-problem-details authorization result handler, Clerk's
    /// authorization requirements, and <see cref="ClerkJwt"/> as a scoped service so minimal-API handlers can take it
    /// as a parameter (the request is answered 401 when there is none).
    /// </summary>
    public static AuthenticationBuilder AddClerk(this AuthenticationBuilder builder, string scheme, Action<ClerkAuthenticationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        var services = builder.Services;
        // Factories rather than implementation types throughout: the container then needs no constructor lookup (under
        // Native AOT, reflection) to validate or activate them, which is start-up time in Development.
        services.TryAddSingleton(static provider => new ClerkValidatorProvider(
            provider.GetRequiredService<IOptionsMonitor<ClerkAuthenticationOptions>>(), provider));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClerkAuthenticationOptions>, ClerkAuthenticationOptionsValidator>(
            static _ => new ClerkAuthenticationOptionsValidator()));
        services.AddOptions<ClerkAuthenticationOptions>(scheme).ValidateOnStart();
        AddOptionsServices(services);
        // Before the scheme's own delegate: configuration and environment first, code overrides.
        services.AddSingleton<IConfigureOptions<ClerkAuthenticationOptions>>(provider => new ClerkAuthenticationOptionsConfiguration(provider, scheme));
        services.AddClerkGuards();
        builder.AddScheme<ClerkAuthenticationOptions, ClerkAuthenticationHandler>(scheme, configure);
        // AddScheme registers the handler type for activation; one factory registration replaces it (and those of other Clerk schemes).
        services.TryAddSingleton(static provider => new ClerkAuthenticationHandlerFactory(
            provider.GetRequiredService<IOptionsMonitor<ClerkAuthenticationOptions>>(),
            provider.GetRequiredService<ILoggerFactory>(),
            provider.GetRequiredService<UrlEncoder>(),
            provider.GetRequiredService<ClerkValidatorProvider>()));
        services.RemoveAll<ClerkAuthenticationHandler>();
        services.AddTransient(static provider => provider.GetRequiredService<ClerkAuthenticationHandlerFactory>().Create());
        return builder;
    }

    /// <summary>
    /// The options services of <see cref="ClerkAuthenticationOptions"/>, by factories. Otherwise the container closes
    /// the open generics <c>OptionsMonitor&lt;&gt;</c>, <c>OptionsFactory&lt;&gt;</c> and <c>OptionsCache&lt;&gt;</c> when start-up
    /// validation first asks for them, and finds their constructors by reflection: under Native AOT, a few hundred KB
    /// allocated before the first request, enough to cost a garbage collection.
    /// </summary>
    private static void AddOptionsServices(IServiceCollection services)
    {
        services.TryAddSingleton<IOptionsMonitorCache<ClerkAuthenticationOptions>>(static _ => new OptionsCache<ClerkAuthenticationOptions>());
        services.TryAddTransient<IOptionsFactory<ClerkAuthenticationOptions>>(static provider => new OptionsFactory<ClerkAuthenticationOptions>(
            provider.GetServices<IConfigureOptions<ClerkAuthenticationOptions>>(),
            provider.GetServices<IPostConfigureOptions<ClerkAuthenticationOptions>>(),
            provider.GetServices<IValidateOptions<ClerkAuthenticationOptions>>()));
        services.TryAddSingleton<IOptionsMonitor<ClerkAuthenticationOptions>>(static provider => new OptionsMonitor<ClerkAuthenticationOptions>(
            provider.GetRequiredService<IOptionsFactory<ClerkAuthenticationOptions>>(),
            provider.GetServices<IOptionsChangeTokenSource<ClerkAuthenticationOptions>>(),
            provider.GetRequiredService<IOptionsMonitorCache<ClerkAuthenticationOptions>>()));
    }

    /// <summary>The parts shared by the scheme and <c>UseClerk</c>: authorization handler, 403 writer, <see cref="ClerkJwt"/> parameter.</summary>
    internal static IServiceCollection AddClerkGuards(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, ClerkAuthorizationHandler>(static _ => new ClerkAuthorizationHandler()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, ClerkGuardStartupFilter>(static _ => new ClerkGuardStartupFilter()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ClerkJwtEndpointPolicy>(static _ => new ClerkJwtEndpointPolicy()));
        // Wraps (not replaces) the default: it only adds which Clerk requirement failed, then forbids as usual.
        services.RemoveAll<IAuthorizationMiddlewareResultHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler>(static _ => new ClerkAuthorizationResultHandler());
        services.TryAddScoped(static provider => ClerkJwtParameter.Resolve(provider));
        return services;
    }
}
