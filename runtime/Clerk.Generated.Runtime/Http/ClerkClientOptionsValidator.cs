using Microsoft.Extensions.Options;

namespace Clerk.Generated.Http;

/// <summary>
/// Checks <see cref="ClerkClientOptions"/> for one API (<see cref="ClerkApiKind"/>) with messages that say what to
/// fix, without ever quoting a key or token. Runs at start-up under dependency injection and in the
/// <see cref="ClerkHttpTransport"/> constructor otherwise.
/// </summary>
public sealed class ClerkClientOptionsValidator : IValidateOptions<ClerkClientOptions>
{
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromMinutes(10);

    /// <summary>A validator for Backend API clients.</summary>
    public ClerkClientOptionsValidator()
        : this(ClerkApiKind.Backend)
    {
    }

    /// <summary>A validator for clients of <paramref name="apiKind"/>.</summary>
    public ClerkClientOptionsValidator(ClerkApiKind apiKind) => ApiKind = apiKind;

    /// <summary>The API whose credentials are checked.</summary>
    public ClerkApiKind ApiKind { get; }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ClerkClientOptions options)
    {
        var failures = GetFailures(options, ApiKind);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Lists what is wrong with <paramref name="options"/> for a Backend API client; empty when they are valid.</summary>
    public static IReadOnlyList<string> GetFailures(ClerkClientOptions options) => GetFailures(options, ClerkApiKind.Backend);

    /// <summary>Lists what is wrong with <paramref name="options"/> for a client of <paramref name="apiKind"/>; empty when they are valid.</summary>
    public static IReadOnlyList<string> GetFailures(ClerkClientOptions options, ClerkApiKind apiKind)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        switch (apiKind)
        {
            case ClerkApiKind.Frontend:
                AddFrontendFailures(options, failures);
                break;
            case ClerkApiKind.Platform:
                AddPlatformFailures(options, failures);
                break;
            default:
                AddBackendFailures(options, failures);
                break;
        }

        AddCredentialFailures(options, failures);
        AddTransportFailures(options, failures);
        return failures;
    }

    /// <summary>Throws <see cref="ClerkClientOptionsException"/> listing every problem, if there is one.</summary>
    internal static void ThrowIfInvalid(ClerkClientOptions options, ClerkApiKind apiKind)
    {
        var failures = GetFailures(options, apiKind);
        if (failures.Count > 0)
        {
            throw new ClerkClientOptionsException(apiKind, failures);
        }
    }

    private static void AddBackendFailures(ClerkClientOptions options, List<string> failures)
    {
        var section = ClerkClientOptions.SectionName;
        var key = options.ResolveSecretKey();
        if (string.IsNullOrWhiteSpace(key))
        {
            failures.Add($"{section}:SecretKey is not set and the {ClerkClientOptions.SecretKeyEnvironmentVariable} environment variable is empty. Set it to your instance's secret key (sk_test_... or sk_live_...).");
        }
        else if (!ClerkSecretKey.IsWellFormed(key))
        {
            // Say what shape is expected, never what was given: a mistyped secret is still a secret.
            failures.Add($"{section}:SecretKey does not look like a Clerk secret key: it must be 'sk_test_' or 'sk_live_' followed by the key, with no spaces. A publishable key (pk_...) does not work here.");
        }

        AddApiUrlFailures(options, failures);
    }

    private static void AddPlatformFailures(ClerkClientOptions options, List<string> failures)
    {
        var section = ClerkClientOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.PlatformAccessToken))
        {
            failures.Add($"{section}:PlatformAccessToken is not set. The Platform API takes a platform API access token (created in the Clerk Dashboard under your workspace's settings); an instance's secret key does not work here.");
        }
        else if (!IsHeaderSafeToken(options.PlatformAccessToken))
        {
            failures.Add($"{section}:PlatformAccessToken must be the token alone: printable ASCII without spaces.");
        }

        AddApiUrlFailures(options, failures);
    }

    private static void AddFrontendFailures(ClerkClientOptions options, List<string> failures)
    {
        var section = ClerkClientOptions.SectionName;
        if (options.FrontendApiUrl is { } url)
        {
            if (!IsBaseUrl(url))
            {
                failures.Add($"{section}:FrontendApiUrl must be an absolute http(s) URL without query or fragment, such as https://clerk.example.com; got '{url}'.");
            }
        }
        else if (options.ResolvePublishableKey() is not { Length: > 0 } key)
        {
            failures.Add($"{section}:FrontendApiUrl is not set and neither is {section}:PublishableKey (nor the {ClerkClientOptions.PublishableKeyEnvironmentVariable} environment variable). Set one: the publishable key (pk_test_... or pk_live_...) names the Frontend API's host.");
        }
        else if (!Requests.ClerkPublishableKey.TryParse(key, out _))
        {
            failures.Add($"{section}:PublishableKey does not look like a Clerk publishable key: it must be 'pk_test_' or 'pk_live_' followed by the base64 of the Frontend API host and '$'. A secret key (sk_...) does not work here.");
        }
    }

    /// <summary>
    /// The credentials operations may ask for whatever the API (a spec's operations choose among them): each must be
    /// sendable as it is, since a value that would split a header or a cookie must never reach the wire.
    /// </summary>
    private static void AddCredentialFailures(ClerkClientOptions options, List<string> failures)
    {
        var section = ClerkClientOptions.SectionName;
        if (options.ClientToken is { } clientToken && !IsHeaderSafeToken(clientToken))
        {
            failures.Add($"{section}:ClientToken must be the token alone: printable ASCII without spaces, or unset.");
        }

        if (options.DevBrowserToken is { } devBrowserToken && !IsHeaderSafeToken(devBrowserToken))
        {
            failures.Add($"{section}:DevBrowserToken must be the token alone: printable ASCII without spaces, or unset.");
        }

        if (options.ClientCookie is { } cookie && !IsCookieValue(cookie))
        {
            failures.Add($"{section}:ClientCookie must be the __client cookie's value alone: cookie characters only (RFC 6265: printable ASCII without spaces, quotes, commas, semicolons or backslashes), or unset.");
        }

        var hasId = !string.IsNullOrEmpty(options.OAuthClientId);
        var hasSecret = !string.IsNullOrEmpty(options.OAuthClientSecret);
        if (hasId != hasSecret)
        {
            failures.Add($"{section}:{(hasId ? "OAuthClientSecret" : "OAuthClientId")} is not set but {section}:{(hasId ? "OAuthClientId" : "OAuthClientSecret")} is: the ClientCredentials scheme sends both, so set both or neither.");
        }

        if (hasId && !IsCredentialText(options.OAuthClientId!))
        {
            failures.Add($"{section}:OAuthClientId must be text without control characters or unpaired surrogates.");
        }

        if (hasSecret && !IsCredentialText(options.OAuthClientSecret!))
        {
            failures.Add($"{section}:OAuthClientSecret must be text without control characters or unpaired surrogates.");
        }
    }

    private static void AddApiUrlFailures(ClerkClientOptions options, List<string> failures)
    {
        if (!IsBaseUrl(options.ApiUrl))
        {
            failures.Add($"{ClerkClientOptions.SectionName}:ApiUrl must be an absolute http(s) URL without query or fragment, such as {ClerkClientOptions.DefaultApiUrl}; got '{options.ApiUrl}'.");
        }
    }

    private static void AddTransportFailures(ClerkClientOptions options, List<string> failures)
    {
        var section = ClerkClientOptions.SectionName;
        if (options.ApiVersion is { } version && (version.Length == 0 || version.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            failures.Add($"{section}:ApiVersion must be a version such as 2025-11-10 without spaces, or unset to use the spec's version.");
        }

        if (options.Timeout != System.Threading.Timeout.InfiniteTimeSpan && (options.Timeout <= TimeSpan.Zero || options.Timeout > LongestTimeout))
        {
            failures.Add($"{section}:Timeout must be positive and at most {LongestTimeout.TotalMinutes:0} minutes (or infinite); got {options.Timeout}.");
        }

        if (options.UserAgentSuffix is { } suffix && suffix.Any(char.IsControl))
        {
            failures.Add($"{section}:UserAgentSuffix must not contain control characters.");
        }

        var retry = options.Retry;
        if (retry is null)
        {
            failures.Add($"{section}:Retry must not be null.");
        }
        else
        {
            if (retry.MaxAttempts is < 1 or > 10)
            {
                failures.Add($"{section}:Retry:MaxAttempts must be between 1 and 10; got {retry.MaxAttempts}.");
            }

            if (retry.BaseDelay < TimeSpan.Zero || retry.MaxDelay < TimeSpan.Zero || retry.MaxElapsedTime < TimeSpan.Zero)
            {
                failures.Add($"{section}:Retry delays (BaseDelay, MaxDelay, MaxElapsedTime) must not be negative.");
            }
        }
    }

    private static bool IsBaseUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment);

    /// <summary>A cookie value as RFC 6265 section 4.1.1 allows it (<c>cookie-octet</c>), at least one character.</summary>
    private static bool IsCookieValue(string value) =>
        value.Length > 0 && value.All(c => c is '!' or (>= '#' and <= '+') or (>= '-' and <= ':') or (>= '<' and <= '[') or (>= ']' and <= '~'));

    /// <summary>Text that form-encodes to what it says: no control characters, no unpaired surrogates.</summary>
    private static bool IsCredentialText(string value) =>
        !value.Any(char.IsControl) && System.Text.Unicode.Utf8.FromUtf16(value, new byte[value.Length * 3], out _, out _, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done;

    /// <summary>A token that can go into a header or a query as it is: visible ASCII, at least one character.</summary>
    internal static bool IsHeaderSafeToken(string token) => token.Length > 0 && token.All(c => c is > ' ' and < '\x7f');
}
