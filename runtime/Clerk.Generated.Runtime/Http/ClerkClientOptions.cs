using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clerk.Generated.Http;

/// <summary>
/// How a generated Clerk client reaches its API. Bound from the configuration section <c>Clerk</c> when registered
/// with <c>AddClerkClient</c>; validated before the first call for the API the client was generated for
/// (<see cref="ClerkApiKind"/>): the Backend API needs <see cref="SecretKey"/>, the Platform API
/// <see cref="PlatformAccessToken"/>, the Frontend API <see cref="FrontendApiUrl"/> or <see cref="PublishableKey"/>.
/// Keys and tokens never appear in <see cref="ToString"/>.
/// </summary>
public sealed class ClerkClientOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Clerk";

    /// <summary>The environment variable read when <see cref="SecretKey"/> is not set.</summary>
    public const string SecretKeyEnvironmentVariable = "CLERK_SECRET_KEY";

    /// <summary>The environment variable read when <see cref="PublishableKey"/> is not set.</summary>
    public const string PublishableKeyEnvironmentVariable = "CLERK_PUBLISHABLE_KEY";

    /// <summary>The default API URL.</summary>
    public const string DefaultApiUrl = "https://api.clerk.com";

    /// <summary>
    /// The secret key (<c>sk_test_…</c> or <c>sk_live_…</c>) sent as the bearer token. When not set, the
    /// <c>CLERK_SECRET_KEY</c> environment variable is used.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>
    /// The Backend and Platform APIs' absolute base URL, without the <c>/v1</c> of the spec's server. Default
    /// <c>https://api.clerk.com</c>.
    /// </summary>
    public string ApiUrl { get; set; } = DefaultApiUrl;

    /// <summary>The Platform API access token sent as the bearer token by a client generated from the Platform API spec.</summary>
    public string? PlatformAccessToken { get; set; }

    /// <summary>
    /// The Frontend API's absolute URL (<c>https://clerk.example.com</c>, or a proxy's URL), for a client generated from
    /// the Frontend API spec. When not set, it is derived from <see cref="PublishableKey"/> as Clerk's SDKs do:
    /// <c>https://</c> and the host encoded in the key.
    /// </summary>
    public string? FrontendApiUrl { get; set; }

    /// <summary>
    /// The publishable key (<c>pk_test_…</c> or <c>pk_live_…</c>) that names the Frontend API's host when
    /// <see cref="FrontendApiUrl"/> is not set. When not set, the <c>CLERK_PUBLISHABLE_KEY</c> environment variable is used.
    /// </summary>
    public string? PublishableKey { get; set; }

    /// <summary>
    /// The client token a native application authenticates to the Frontend API with: sent as the bearer token, with
    /// <c>_is_native=true</c> in the query as the spec's <c>ProductionNativeApp</c> scheme requires.
    /// </summary>
    public string? ClientToken { get; set; }

    /// <summary>
    /// A development instance's dev-browser token (from <c>POST /v1/dev_browser</c>), sent to the Frontend API as the
    /// <c>__dev_session</c> query parameter, the spec's <c>DevBrowser</c> scheme.
    /// </summary>
    public string? DevBrowserToken { get; set; }

    /// <summary>
    /// The value of a browser client's <c>__client</c> cookie, sent to the Frontend API as <c>Cookie: __client=…</c>,
    /// the spec's <c>ProductionBrowser</c> scheme. Only cookie characters (RFC 6265): no spaces, quotes, commas,
    /// semicolons, backslashes or control characters.
    /// </summary>
    public string? ClientCookie { get; set; }

    /// <summary>
    /// The OAuth application's client id, sent with <see cref="OAuthClientSecret"/> as <c>Authorization: Basic</c> to
    /// operations of the spec's <c>ClientCredentials</c> scheme (the Frontend API's <c>/oauth/token</c> and
    /// <c>/oauth/token/revoke</c>). Both are form-encoded before the Basic encoding, as RFC 6749 section 2.3.1 says.
    /// </summary>
    public string? OAuthClientId { get; set; }

    /// <summary>The OAuth application's client secret; see <see cref="OAuthClientId"/>.</summary>
    public string? OAuthClientSecret { get; set; }

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

    /// <summary>The publishable key to use: <see cref="PublishableKey"/>, else the <c>CLERK_PUBLISHABLE_KEY</c> environment variable.</summary>
    internal string? ResolvePublishableKey() =>
        string.IsNullOrEmpty(PublishableKey) ? Environment.GetEnvironmentVariable(PublishableKeyEnvironmentVariable) : PublishableKey;

    /// <inheritdoc />
    public override string ToString() =>
        $"ApiUrl={ApiUrl}, FrontendApiUrl={FrontendApiUrl ?? "(not set)"}, ApiVersion={ApiVersion ?? "(spec)"}, SecretKey={Redacted(ResolveSecretKey())}, "
        + $"PlatformAccessToken={Redacted(PlatformAccessToken)}, ClientToken={Redacted(ClientToken)}, DevBrowserToken={Redacted(DevBrowserToken)}, "
        + $"ClientCookie={Redacted(ClientCookie)}, OAuthClientId={OAuthClientId ?? "(not set)"}, OAuthClientSecret={Redacted(OAuthClientSecret)}, "
        + $"Timeout={Timeout}, Retry=[{Retry}], UserAgentSuffix={UserAgentSuffix}";

    private static string Redacted(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "(set, redacted)";
}
