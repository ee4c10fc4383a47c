using Microsoft.Extensions.Options;

namespace Clerk.Generated.Http;

/// <summary>
/// Checks <see cref="ClerkClientOptions"/> with messages that say what to fix, without ever quoting the secret key.
/// Runs at start-up under dependency injection and in the <see cref="ClerkHttpTransport"/> constructor otherwise.
/// </summary>
public sealed class ClerkClientOptionsValidator : IValidateOptions<ClerkClientOptions>
{
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ClerkClientOptions options)
    {
        var failures = GetFailures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Lists what is wrong with <paramref name="options"/>; empty when they are valid.</summary>
    public static IReadOnlyList<string> GetFailures(ClerkClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
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

        if (!Uri.TryCreate(options.ApiUrl, UriKind.Absolute, out var apiUrl)
            || (apiUrl.Scheme != Uri.UriSchemeHttps && apiUrl.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(apiUrl.Query) || !string.IsNullOrEmpty(apiUrl.Fragment))
        {
            failures.Add($"{section}:ApiUrl must be an absolute http(s) URL without query or fragment, such as {ClerkClientOptions.DefaultApiUrl}; got '{options.ApiUrl}'.");
        }

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

        return failures;
    }
}
