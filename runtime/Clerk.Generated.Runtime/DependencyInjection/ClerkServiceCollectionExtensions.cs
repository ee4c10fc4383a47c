using Clerk.Generated.DependencyInjection;
using Clerk.Generated.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a Clerk client with dependency injection.</summary>
public static class ClerkServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a typed client of <c>IHttpClientFactory</c>, created by
    /// <paramref name="factory"/> with <see cref="ClerkClientOptions"/> bound from the configuration section
    /// <c>Clerk</c> (when an <c>IConfiguration</c> is registered), then <paramref name="configure"/>, and validated at
    /// start-up. The generated <c>AddClerkClient</c> calls this with the generated client's constructor.
    /// </summary>
    /// <typeparam name="TClient">The client type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="factory">Creates the client from its <see cref="HttpClient"/> and the options.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>, to add handlers or a resilience pipeline.</returns>
    /// <remarks>
    /// The factory's default request logging is removed: it writes full URIs, whose paths and queries hold user ids
    /// and e-mail addresses. The transport logs its own debug events without them; add the default logger back with
    /// <c>AddDefaultLogger()</c> if wanted. The <see cref="HttpClient.Timeout"/> is disabled because
    /// <see cref="ClerkClientOptions.Timeout"/> governs each attempt.
    /// </remarks>
    public static IHttpClientBuilder AddClerkClient<TClient>(
        this IServiceCollection services,
        Func<HttpClient, ClerkClientOptions, TClient> factory,
        Action<ClerkClientOptions>? configure = null)
        where TClient : class =>
        AddClerkClient(services, ClerkApiKind.Backend, factory, configure);

    /// <summary>
    /// Registers <typeparamref name="TClient"/>, a client of <paramref name="apiKind"/>, as a typed client of
    /// <c>IHttpClientFactory</c>, with <see cref="ClerkClientOptions"/> bound from the configuration section
    /// <c>Clerk</c>, then <paramref name="configure"/>, and validated at start-up for that API's credentials.
    /// </summary>
    /// <typeparam name="TClient">The client type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="apiKind">The API the client was generated for; the options are validated for it.</param>
    /// <param name="factory">Creates the client from its <see cref="HttpClient"/> and the options.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddClerkClient<TClient>(
        this IServiceCollection services,
        ClerkApiKind apiKind,
        Func<HttpClient, ClerkClientOptions, TClient> factory,
        Action<ClerkClientOptions>? configure = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);

        services.AddOptions<ClerkClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ClerkClientOptions>, ClerkClientOptionsConfiguration>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<ClerkClientOptions>, ClerkClientOptionsServices>());
        // One validator per API kind registered: an application with a Backend and a Frontend client needs both sets of credentials.
        if (!services.Any(descriptor => descriptor.ImplementationInstance is ClerkClientOptionsValidator validator && validator.ApiKind == apiKind))
        {
            services.AddSingleton<IValidateOptions<ClerkClientOptions>>(new ClerkClientOptionsValidator(apiKind));
        }

        return services
            .AddHttpClient(HttpClientName<TClient>())
            .AddTypedClient((httpClient, provider) => factory(httpClient, provider.GetRequiredService<IOptions<ClerkClientOptions>>().Value))
            .ConfigureHttpClient(static httpClient => httpClient.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
    }

    /// <summary>The name of the <see cref="HttpClient"/> registered for <typeparamref name="TClient"/>, for <c>IHttpClientFactory.CreateClient</c>.</summary>
    public static string HttpClientName<TClient>() => "Clerk:" + typeof(TClient).FullName;
}
