using Clerk.Generated.Authentication;

namespace Clerk.Sample.Pages;

/// <summary>
/// The sample's Clerk credentials: the <c>Clerk</c> configuration section, else Clerk's environment variables. Cookie
/// mode needs a secret key (to redeem handshake nonces) and a publishable key (the frontend API). With neither, the
/// development stand-in is used, and only in the Development environment (what <c>dotnet run</c> sets).
/// </summary>
internal sealed record PagesClerkSettings(string? SecretKey, string? PublishableKey, string[] AuthorizedParties)
{
    public bool UsesDevelopmentStandIn => SecretKey is null && PublishableKey is null;

    public static PagesClerkSettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Clerk");
        var settings = new PagesClerkSettings(
            Value(section["SecretKey"], "CLERK_SECRET_KEY"),
            Value(section["PublishableKey"], "CLERK_PUBLISHABLE_KEY"),
            (Value(section["AuthorizedParties"], "CLERK_AUTHORIZED_PARTIES") ?? string.Empty)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (settings.UsesDevelopmentStandIn && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"No Clerk credentials are configured and the environment is {environment.EnvironmentName}, not Development: set "
                + "CLERK_SECRET_KEY and CLERK_PUBLISHABLE_KEY (or Clerk:SecretKey / Clerk:PublishableKey). The development stand-in for "
                + "the frontend API runs only with ASPNETCORE_ENVIRONMENT=Development (what `dotnet run` sets from launchSettings.json).");
        }

        if (!settings.UsesDevelopmentStandIn && (settings.SecretKey is null || settings.PublishableKey is null))
        {
            throw new InvalidOperationException("Cookie mode needs both CLERK_SECRET_KEY and CLERK_PUBLISHABLE_KEY.");
        }

        return settings;
    }

    public void Apply(ClerkAuthenticationOptions options)
    {
        options.SecretKey = SecretKey;
        options.PublishableKey = PublishableKey;
        options.ValidateSessionCookie = true;
        foreach (var party in AuthorizedParties)
        {
            options.AuthorizedParties.Add(party);
        }
    }

    private static string? Value(string? configured, string environmentVariable) =>
        !string.IsNullOrWhiteSpace(configured) ? configured
        : Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } env ? env
        : null;
}
