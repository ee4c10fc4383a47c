using System.Globalization;
using Clerk.Generated.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clerk.Generated.DependencyInjection;

/// <summary>
/// Binds <see cref="ClerkClientOptions"/> from the configuration section <c>Clerk</c>, by hand: no reflection, so
/// trimming and Native AOT stay warning-free, and a malformed value gets a message naming its key.
/// Absent keys leave the defaults; no registered <see cref="IConfiguration"/> binds nothing.
/// </summary>
internal sealed class ClerkClientOptionsConfiguration(IServiceProvider services) : IConfigureOptions<ClerkClientOptions>
{
    public void Configure(ClerkClientOptions options)
    {
        if (services.GetService<IConfiguration>() is { } configuration)
        {
            Bind(configuration.GetSection(ClerkClientOptions.SectionName), options);
        }
    }

    /// <summary>Copies the section's values onto <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOperationException">A value cannot be read as its property's type.</exception>
    internal static void Bind(IConfigurationSection section, ClerkClientOptions options)
    {
        if (section["SecretKey"] is { Length: > 0 } secretKey)
        {
            options.SecretKey = secretKey;
        }

        if (section["ApiUrl"] is { Length: > 0 } apiUrl)
        {
            options.ApiUrl = apiUrl;
        }

        if (section["PlatformAccessToken"] is { Length: > 0 } platformAccessToken)
        {
            options.PlatformAccessToken = platformAccessToken;
        }

        if (section["FrontendApiUrl"] is { Length: > 0 } frontendApiUrl)
        {
            options.FrontendApiUrl = frontendApiUrl;
        }

        if (section["PublishableKey"] is { Length: > 0 } publishableKey)
        {
            options.PublishableKey = publishableKey;
        }

        if (section["ClientToken"] is { Length: > 0 } clientToken)
        {
            options.ClientToken = clientToken;
        }

        if (section["DevBrowserToken"] is { Length: > 0 } devBrowserToken)
        {
            options.DevBrowserToken = devBrowserToken;
        }

        if (section["ApiVersion"] is { Length: > 0 } apiVersion)
        {
            options.ApiVersion = apiVersion;
        }

        if (section["UserAgentSuffix"] is { Length: > 0 } suffix)
        {
            options.UserAgentSuffix = suffix;
        }

        options.Timeout = ReadTimeSpan(section, "Timeout") ?? options.Timeout;

        var retry = section.GetSection("Retry");
        options.Retry ??= new ClerkRetryOptions();
        options.Retry.MaxAttempts = ReadInt(retry, "MaxAttempts") ?? options.Retry.MaxAttempts;
        options.Retry.BaseDelay = ReadTimeSpan(retry, "BaseDelay") ?? options.Retry.BaseDelay;
        options.Retry.MaxDelay = ReadTimeSpan(retry, "MaxDelay") ?? options.Retry.MaxDelay;
        options.Retry.MaxElapsedTime = ReadTimeSpan(retry, "MaxElapsedTime") ?? options.Retry.MaxElapsedTime;
        options.Retry.RetryNonIdempotentRequests = ReadBool(retry, "RetryNonIdempotentRequests") ?? options.Retry.RetryNonIdempotentRequests;
    }

    private static TimeSpan? ReadTimeSpan(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } text
            ? TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Malformed(section, key, text, "a time span such as 00:00:30")
            : null;

    private static int? ReadInt(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Malformed(section, key, text, "a whole number")
            : null;

    private static bool? ReadBool(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } text
            ? bool.TryParse(text, out var value)
                ? value
                : throw Malformed(section, key, text, "true or false")
            : null;

    private static InvalidOperationException Malformed(IConfigurationSection section, string key, string text, string expected) =>
        new($"Configuration value {section.Path}:{key} = '{text}' is not {expected}.");
}
