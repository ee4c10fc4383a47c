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
        options.SecretKey = ReadText(section, "SecretKey") ?? options.SecretKey;
        options.ApiUrl = ReadText(section, "ApiUrl") ?? options.ApiUrl;
        options.PlatformAccessToken = ReadText(section, "PlatformAccessToken") ?? options.PlatformAccessToken;
        options.FrontendApiUrl = ReadText(section, "FrontendApiUrl") ?? options.FrontendApiUrl;
        options.PublishableKey = ReadText(section, "PublishableKey") ?? options.PublishableKey;
        options.ClientToken = ReadText(section, "ClientToken") ?? options.ClientToken;
        options.DevBrowserToken = ReadText(section, "DevBrowserToken") ?? options.DevBrowserToken;
        options.ClientCookie = ReadText(section, "ClientCookie") ?? options.ClientCookie;
        options.OAuthClientId = ReadText(section, "OAuthClientId") ?? options.OAuthClientId;
        options.OAuthClientSecret = ReadText(section, "OAuthClientSecret") ?? options.OAuthClientSecret;
        options.ApiVersion = ReadText(section, "ApiVersion") ?? options.ApiVersion;
        options.UserAgentSuffix = ReadText(section, "UserAgentSuffix") ?? options.UserAgentSuffix;
        options.Timeout = ReadTimeSpan(section, "Timeout") ?? options.Timeout;

        var retry = section.GetSection("Retry");
        options.Retry ??= new ClerkRetryOptions();
        options.Retry.MaxAttempts = ReadInt(retry, "MaxAttempts") ?? options.Retry.MaxAttempts;
        options.Retry.BaseDelay = ReadTimeSpan(retry, "BaseDelay") ?? options.Retry.BaseDelay;
        options.Retry.MaxDelay = ReadTimeSpan(retry, "MaxDelay") ?? options.Retry.MaxDelay;
        options.Retry.MaxElapsedTime = ReadTimeSpan(retry, "MaxElapsedTime") ?? options.Retry.MaxElapsedTime;
        options.Retry.RetryNonIdempotentRequests = ReadBool(retry, "RetryNonIdempotentRequests") ?? options.Retry.RetryNonIdempotentRequests;
    }

    /// <summary>The value of <paramref name="key"/>, or null when it is absent or empty (the option keeps its value).</summary>
    private static string? ReadText(IConfigurationSection section, string key) => section[key] is { Length: > 0 } text ? text : null;

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
