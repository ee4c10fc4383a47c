using Clerk.Generated.Authentication;
using Clerk.Generated.Testing;

namespace Clerk.Sample.Api;

/// <summary>
/// Where the sample's Clerk credentials come from: the <c>Clerk</c> configuration section, else Clerk's usual
/// environment variables; with none of them, the embedded development key (tokens anyone can mint), which the sample
/// uses only when the host environment is Development (<c>dotnet run</c> sets it through launchSettings.json; an unset
/// environment is Production).
/// </summary>
internal sealed record SampleClerkSettings(string? SecretKey, string? JwtKey, Uri? JwksUrl, string? PublishableKey, string[] AuthorizedParties)
{
    public bool UsesDevelopmentKey => SecretKey is null && JwtKey is null && JwksUrl is null;

    public static SampleClerkSettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Clerk");
        var jwksUrl = Value(section["JwksUrl"], null);
        var settings = new SampleClerkSettings(
            Value(section["SecretKey"], "CLERK_SECRET_KEY"),
            Value(section["JwtKey"], "CLERK_JWT_KEY")?.Replace("\\n", "\n", StringComparison.Ordinal),
            jwksUrl is null ? null : new Uri(jwksUrl, UriKind.Absolute),
            Value(section["PublishableKey"], "CLERK_PUBLISHABLE_KEY"),
            (Value(section["AuthorizedParties"], "CLERK_AUTHORIZED_PARTIES") ?? string.Empty)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (settings.UsesDevelopmentKey && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"No Clerk credentials are configured and the environment is {environment.EnvironmentName}, not Development: set "
                + "CLERK_SECRET_KEY or CLERK_JWT_KEY (or Clerk:SecretKey / Clerk:JwtKey / Clerk:JwksUrl). The embedded development key is "
                + "public and is used only with ASPNETCORE_ENVIRONMENT=Development (what `dotnet run` sets from launchSettings.json).");
        }

        return settings;
    }

    public void Apply(ClerkAuthenticationOptions options)
    {
        options.SecretKey = SecretKey;
        options.JwtKey = JwtKey;
        options.JwksUrl = JwksUrl;
        options.PublishableKey = PublishableKey;
        options.ValidateSessionCookie = true;
        // The development key's tokens carry no azp; with real credentials, CLERK_AUTHORIZED_PARTIES is required.
        options.AllowSessionCookieWithoutAuthorizedParties = UsesDevelopmentKey;
        foreach (var party in AuthorizedParties)
        {
            options.AuthorizedParties.Add(party);
        }

        if (UsesDevelopmentKey)
        {
            options.JwtKey = ClerkDevelopmentKey.PublicKeyPem;
            options.Issuer = ClerkDevelopmentKey.Issuer;
        }
    }

    private static string? Value(string? configured, string? environmentVariable) =>
        !string.IsNullOrWhiteSpace(configured) ? configured
        : environmentVariable is not null && Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } env ? env
        : null;
}
