using Clerk.Generated.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds authentication with the Clerk scheme as its default, without ASP.NET Core Data Protection.</summary>
public static class ClerkAuthenticationServiceCollectionExtensions
{
    private const string DataProtectionNamespace = "Microsoft.AspNetCore.DataProtection";

    /// <summary>
    /// Adds authentication with the <c>Clerk</c> scheme as the default scheme: what
    /// <c>AddAuthentication(ClerkAuthenticationDefaults.AuthenticationScheme).AddClerk(configure)</c> adds, except the
    /// ASP.NET Core Data Protection services <c>AddAuthentication</c> would register for the first time. Clerk's scheme
    /// protects no data (session tokens are signed by Clerk), and Data Protection otherwise loads its key ring, and with
    /// it the platform's cryptography library, before the first request is answered.
    /// </summary>
    /// <remarks>
    /// Data Protection registered earlier stays. Features that need it register it themselves (antiforgery, Razor
    /// Pages, MVC views, session state); cookie authentication and remote schemes (OpenID Connect, OAuth) do not, so
    /// also call <c>AddDataProtection()</c> when adding one of them to the returned builder, or use
    /// <c>AddAuthentication(…).AddClerk(…)</c>.
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the scheme, after the <c>Clerk</c> configuration section and the environment.</param>
    /// <returns>The authentication builder, to add more schemes.</returns>
    public static AuthenticationBuilder AddClerkAuthentication(this IServiceCollection services, Action<ClerkAuthenticationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registeredBefore = services.Count;
        var builder = services.AddAuthentication(ClerkAuthenticationDefaults.AuthenticationScheme);
        // AddAuthentication only appends, so what it added for the first time is what lies past the earlier count.
        for (var i = services.Count - 1; i >= registeredBefore; i--)
        {
            if (IsDataProtection(services[i]))
            {
                services.RemoveAt(i);
            }
        }

        return builder.AddClerk(configure);
    }

    private static bool IsDataProtection(ServiceDescriptor descriptor) =>
        IsDataProtection(descriptor.ServiceType)
        || IsDataProtection(descriptor.IsKeyedService ? descriptor.KeyedImplementationType : descriptor.ImplementationType);

    private static bool IsDataProtection(Type? type) =>
        type is not null
        && ((type.Namespace?.StartsWith(DataProtectionNamespace, StringComparison.Ordinal) ?? false)
            || (type.IsConstructedGenericType && type.GenericTypeArguments.Any(IsDataProtection)));
}
