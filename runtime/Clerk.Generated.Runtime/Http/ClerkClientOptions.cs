using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clerk.Generated.Http;

/// <summary>
/// How the Clerk client reaches the Backend API. Bound from the configuration section <c>Clerk</c> when registered
/// with <c>AddClerkClient</c>; validated before the first call. The secret key never appears in <see cref="ToString"/>.
/// </summary>
public sealed class ClerkClientOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Clerk";

    /// <summary>The environment variable read when <see cref="SecretKey"/> is not set.</summary>
    public const string SecretKeyEnvironmentVariable = "CLERK_SECRET_KEY";

    /// <summary>The default API URL.</summary>
    public const string DefaultApiUrl = "https://api.clerk.com";

    /// <summary>
    /// The secret key (<c>sk_test_…</c> or <c>sk_live_…</c>) sent as the bearer token. When not set, the
    /// <c>CLERK_SECRET_KEY</c> environment variable is used.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>The API's absolute base URL, without the <c>/v1</c> version segment. Default <c>https://api.clerk.com</c>.</summary>
    public string ApiUrl { get; set; } = DefaultApiUrl;

    /// <summary>The value of the <c>Clerk-API-Version</c> header; <see langword="null"/> sends the version of the spec the client was generated from.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>The limit for one attempt, from sending the request to reading the whole response. Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The retry policy.</summary>
    public ClerkRetryOptions Retry { get; set; } = new();

    /// <summary>Appended to the <c>User-Agent</c> header, for example <c>my-service/1.2</c>.</summary>
    public string? UserAgentSuffix { get; set; }

    /// <summary>The clock for timeouts and backoff; <see langword="null"/> uses <see cref="System.TimeProvider.System"/>. Dependency injection sets it from the container.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Where the transport logs its debug events; <see langword="null"/> logs nothing. Dependency injection sets it from the container.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The secret key to use: <see cref="SecretKey"/>, else the <c>CLERK_SECRET_KEY</c> environment variable.</summary>
    internal string? ResolveSecretKey() =>
        string.IsNullOrEmpty(SecretKey) ? Environment.GetEnvironmentVariable(SecretKeyEnvironmentVariable) : SecretKey;

    /// <inheritdoc />
    public override string ToString() =>
        $"ApiUrl={ApiUrl}, ApiVersion={ApiVersion ?? "(spec)"}, SecretKey={(string.IsNullOrEmpty(ResolveSecretKey()) ? "(not set)" : "(set, redacted)")}, Timeout={Timeout}, Retry=[{Retry}], UserAgentSuffix={UserAgentSuffix}";
}
