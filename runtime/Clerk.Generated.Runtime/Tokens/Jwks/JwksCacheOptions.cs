using Clerk.Generated.Fleet;

namespace Clerk.Generated.Tokens.Jwks;

/// <summary>
/// Where a <see cref="JwksCache"/> loads keys from and how long it trusts them. Either set <see cref="SecretKey"/>
/// (keys come from the Backend API, <c>GET {ApiUrl}/v1/jwks</c>) or <see cref="JwksUrl"/> (for example your frontend
/// API's <c>https://clerk.example.com/.well-known/jwks.json</c>, fetched without credentials).
/// </summary>
public sealed class JwksCacheOptions
{
    /// <summary>Clerk's production Backend API.</summary>
    public static readonly Uri DefaultApiUrl = new("https://api.clerk.com");

    /// <summary>The Backend API base URL. Default <c>https://api.clerk.com</c>.</summary>
    public Uri ApiUrl { get; set; } = DefaultApiUrl;

    /// <summary>The instance's secret key (<c>sk_live_…</c> / <c>sk_test_…</c>), sent as a bearer token to the Backend API.</summary>
    public string? SecretKey { get; set; }

    /// <summary>A JWKS URL fetched without credentials; when set it takes precedence over the Backend API.</summary>
    public Uri? JwksUrl { get; set; }

    /// <summary>How long fetched keys are used before they are fetched again. Default 1 hour.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A token naming an unknown <c>kid</c> triggers a refresh at most this often (default 5 minutes), so random
    /// key ids cannot turn into a request flood against Clerk.
    /// </summary>
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// When Clerk cannot be reached, keys older than <see cref="TimeToLive"/> are still served for this long
    /// (default 24 hours); after that, validations fail with <see cref="TokenRejectionReason.KeysUnavailable"/>.
    /// </summary>
    public TimeSpan MaxStaleness { get; set; } = TimeSpan.FromHours(24);

    /// <summary>After a failed fetch, no new fetch is attempted for this long (default 10 seconds).</summary>
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one fetch may take. Default 10 seconds.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Shares the JWKS document with the other instances of a fleet (through an
    /// <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> such as Redis) for
    /// <see cref="TimeToLive"/>, so the fleet fetches it once. A refresh for an unknown key id always asks Clerk and
    /// replaces the shared document. Null (the default) fetches per instance.
    /// </summary>
    public ClerkSharedCache? SharedCache { get; set; }

    /// <summary>Options that load keys from the Backend API with a secret key.</summary>
    public static JwksCacheOptions ForBackendApi(string secretKey, Uri? apiUrl = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        return new JwksCacheOptions { SecretKey = secretKey, ApiUrl = apiUrl ?? DefaultApiUrl };
    }

    /// <summary>Options that load keys from a frontend API's <c>/.well-known/jwks.json</c>.</summary>
    public static JwksCacheOptions ForFrontendApi(Uri frontendApiUrl)
    {
        ArgumentNullException.ThrowIfNull(frontendApiUrl);
        return new JwksCacheOptions { JwksUrl = new Uri(frontendApiUrl, "/.well-known/jwks.json") };
    }

    /// <summary>Never prints the secret key.</summary>
    public override string ToString() => $"JwksCacheOptions(source={JwksUrl?.ToString() ?? ApiUrl.ToString()}, ttl={TimeToLive})";
}
