using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clerk.Generated.Authentication;

/// <summary>
/// Fills a Clerk scheme's options from the configuration section <c>Clerk</c> (the one <c>AddClerkClient</c> reads)
/// and the standard environment variables, before the scheme's own configure delegate runs: <c>SecretKey</c>,
/// <c>PublishableKey</c>, <c>JwtKey</c>, <c>ApiUrl</c>, <c>JwksUrl</c>, <c>Issuer</c>, <c>AuthorizedParties</c> (a list,
/// or one comma-separated string; else <c>CLERK_AUTHORIZED_PARTIES</c>), <c>ValidateSessionCookie</c>,
/// <c>ClockSkew</c>. <c>CLERK_SECRET_KEY</c>, <c>CLERK_JWT_KEY</c> and <c>CLERK_PUBLISHABLE_KEY</c> are read when the
/// scheme starts. Bound by hand (no reflection), so trimming and Native AOT stay warning-free.
/// </summary>
internal sealed class ClerkAuthenticationOptionsConfiguration(IServiceProvider services, string scheme) : IConfigureNamedOptions<ClerkAuthenticationOptions>
{
    public const string SectionName = "Clerk";

    public void Configure(ClerkAuthenticationOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, ClerkAuthenticationOptions options)
    {
        if (name != scheme)
        {
            return;
        }

        if (services.GetService<IConfiguration>() is { } configuration)
        {
            Bind(configuration.GetSection(SectionName), options);
        }

        if (options.AuthorizedParties.Count == 0
            && Environment.GetEnvironmentVariable(ClerkAuthenticationOptions.AuthorizedPartiesEnvironmentVariable) is { Length: > 0 } parties)
        {
            AddParties(options, parties);
        }
    }

    internal static void Bind(IConfigurationSection section, ClerkAuthenticationOptions options)
    {
        options.SecretKey = NonEmpty(section["SecretKey"]) ?? options.SecretKey;
        options.PublishableKey = NonEmpty(section["PublishableKey"]) ?? options.PublishableKey;
        options.JwtKey = NonEmpty(section["JwtKey"]) ?? options.JwtKey;
        options.Issuer = NonEmpty(section["Issuer"]) ?? options.Issuer;
        options.ApiUrl = ReadUri(section, "ApiUrl") ?? options.ApiUrl;
        options.JwksUrl = ReadUri(section, "JwksUrl") ?? options.JwksUrl;
        if (NonEmpty(section["ValidateSessionCookie"]) is { } cookie)
        {
            options.ValidateSessionCookie = bool.TryParse(cookie, out var value) ? value : throw Malformed(section, "ValidateSessionCookie", cookie, "true or false");
        }

        if (NonEmpty(section["EnableTokenCache"]) is { } cache)
        {
            options.EnableTokenCache = bool.TryParse(cache, out var value) ? value : throw Malformed(section, "EnableTokenCache", cache, "true or false");
        }

        if (NonEmpty(section["ClockSkew"]) is { } skew)
        {
            options.ClockSkew = TimeSpan.TryParse(skew, CultureInfo.InvariantCulture, out var value) ? value : throw Malformed(section, "ClockSkew", skew, "a time span such as 00:00:05");
        }

        var parties = section.GetSection("AuthorizedParties");
        if (NonEmpty(parties.Value) is { } joined)
        {
            AddParties(options, joined);
        }

        foreach (var child in parties.GetChildren())
        {
            if (NonEmpty(child.Value) is { } party)
            {
                options.AuthorizedParties.Add(party);
            }
        }
    }

    private static void AddParties(ClerkAuthenticationOptions options, string commaSeparated)
    {
        foreach (var party in commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            options.AuthorizedParties.Add(party);
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static Uri? ReadUri(IConfigurationSection section, string key) =>
        NonEmpty(section[key]) is { } text
            ? Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw Malformed(section, key, text, "an absolute URL")
            : null;

    private static InvalidOperationException Malformed(IConfigurationSection section, string key, string text, string expected) =>
        new($"Configuration value {section.Path}:{key} = '{text}' is not {expected}.");
}
