using Clerk.Generated.Guards;
using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Middleware;
using Clerk.Generated.Tokens;
using Microsoft.AspNetCore.Authentication;

namespace Clerk.Generated.Authentication;

/// <summary>
/// Options of the Clerk authentication scheme. Signing keys come from the first of: <see cref="Keys"/>,
/// <see cref="JwtKey"/> (networkless PEM), <see cref="JwksUrl"/>, <see cref="SecretKey"/> (Backend API), then the
/// environment variables <c>CLERK_JWT_KEY</c> and <c>CLERK_SECRET_KEY</c>. A scheme with none of them fails at
/// start-up with a message saying what to set.
/// </summary>
public sealed class ClerkAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The environment variable holding the PEM public key when <see cref="JwtKey"/> is not set.</summary>
    public const string JwtKeyEnvironmentVariable = "CLERK_JWT_KEY";

    /// <summary>The environment variable holding the secret key when <see cref="SecretKey"/> is not set.</summary>
    public const string SecretKeyEnvironmentVariable = "CLERK_SECRET_KEY";

    /// <summary>The environment variable holding the publishable key when <see cref="PublishableKey"/> is not set.</summary>
    public const string PublishableKeyEnvironmentVariable = "CLERK_PUBLISHABLE_KEY";

    /// <summary>The environment variable holding comma-separated authorized parties when none are configured.</summary>
    public const string AuthorizedPartiesEnvironmentVariable = "CLERK_AUTHORIZED_PARTIES";

    /// <summary>Creates options with default events.</summary>
    public ClerkAuthenticationOptions() => Events = new ClerkAuthenticationEvents();

    /// <summary>
    /// The instance's secret key (<c>sk_test_…</c> / <c>sk_live_…</c>): keys are fetched from
    /// <c>GET {ApiUrl}/v1/jwks</c> and cached. Never logged or printed.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>The Backend API used with <see cref="SecretKey"/>. Default <c>https://api.clerk.com</c>.</summary>
    public Uri ApiUrl { get; set; } = JwksCacheOptions.DefaultApiUrl;

    /// <summary>
    /// The instance's PEM public key (Clerk's "JWT public key", <c>CLERK_JWT_KEY</c>): networkless verification,
    /// no request to Clerk ever.
    /// </summary>
    public string? JwtKey { get; set; }

    /// <summary>A JWKS URL fetched without credentials, for example <c>https://clerk.example.com/.well-known/jwks.json</c>.</summary>
    public Uri? JwksUrl { get; set; }

    /// <summary>
    /// A key provider to use as-is (an <c>InMemoryJwksProvider</c> in tests, a shared <see cref="JwksCache"/>);
    /// takes precedence over every other key source.
    /// </summary>
    public IJwksProvider? Keys { get; set; }

    /// <summary>Tunes the JWKS cache used with <see cref="SecretKey"/> or <see cref="JwksUrl"/> (TTL, staleness, timeouts).</summary>
    public Action<JwksCacheOptions>? ConfigureJwksCache { get; set; }

    /// <summary>
    /// Origins allowed in the <c>azp</c> claim (for example <c>https://app.example.com</c>). Empty means "not
    /// configured". Set it whenever <see cref="ValidateSessionCookie"/> is on: it is what stops another site's token.
    /// </summary>
    public IList<string> AuthorizedParties { get; set; } = new List<string>();

    /// <summary>How far token times may be off from this machine's clock. Default 5 seconds.</summary>
    public TimeSpan ClockSkew { get; set; } = ClerkTokenValidationOptions.DefaultClockSkew;

    /// <summary>When set, <c>iss</c> must equal it (your frontend API URL).</summary>
    public string? Issuer { get; set; }

    /// <summary>Which token types are accepted. Session tokens only by default.</summary>
    public ClerkTokenTypes AcceptsToken { get; set; } = ClerkTokenTypes.SessionToken;

    /// <summary>Verifies API keys, M2M and OAuth tokens when <see cref="AcceptsToken"/> allows them; else one registered in DI.</summary>
    public IMachineTokenVerifier? MachineTokenVerifier { get; set; }

    /// <summary>
    /// Whether a pending session (<c>sts: "pending"</c>: signed in with session tasks left) counts as signed out.
    /// True by default, as in Clerk's SDKs: such a request is not authenticated, so <c>RequireClerk</c> and every
    /// policy refuse it (401). The failure (<see cref="ClerkAuthenticationException.PendingSessionToken"/>) still
    /// carries the verified token. Set false to let pending sessions in.
    /// </summary>
    public bool TreatPendingAsSignedOut { get; set; } = true;

    /// <summary>Accept a session token that validated once without another RSA operation until it expires. Off by default.</summary>
    public bool EnableTokenCache { get; set; }

    /// <summary>
    /// Whether the <c>__session</c> cookie (and its suffixed variant) is read when the request carries no
    /// <c>Authorization: Bearer</c> header. Off by default: turn it on for same-origin browser requests, together with
    /// <see cref="AuthorizedParties"/>.
    /// </summary>
    public bool ValidateSessionCookie { get; set; }

    /// <summary>
    /// Lets <see cref="ValidateSessionCookie"/> (on the scheme or through <c>UseClerk</c>) run with no
    /// <see cref="AuthorizedParties"/>. Off by default: start-up fails instead, because without the <c>azp</c>
    /// check a session token minted for another site that shares your Clerk instance is accepted as a cookie.
    /// </summary>
    public bool AllowSessionCookieWithoutAuthorizedParties { get; set; }

    /// <summary>
    /// The publishable key (<c>pk_test_…</c> / <c>pk_live_…</c>, else <c>CLERK_PUBLISHABLE_KEY</c>). With
    /// <see cref="ValidateSessionCookie"/> on, it turns on Clerk's request authentication
    /// (<see cref="Requests.ClerkRequestAuthenticator"/>): <c>__client_uat</c> checks, handshake redirects for page
    /// navigations, dev-browser tokens, satellites; the issuer is then pinned to the key's frontend API unless
    /// <see cref="Issuer"/> says otherwise.
    /// </summary>
    public string? PublishableKey { get; set; }

    /// <summary>
    /// Adjusts the request authenticator used in cookie mode (satellite, domain, proxy URL, sign-in URL,
    /// organization sync), after it was filled from these options.
    /// </summary>
    public Action<Requests.ClerkRequestAuthenticatorOptions>? ConfigureRequestAuthenticator { get; set; }

    /// <summary>The suffix of the suffixed session cookie, when known directly; otherwise derived from <see cref="PublishableKey"/>.</summary>
    public string? SessionCookieSuffix { get; set; }

    /// <summary>Whether a challenge writes a problem-details body (RFC 9457) besides the status and <c>WWW-Authenticate</c>. Default true.</summary>
    public bool WriteProblemDetails { get; set; } = true;

    /// <summary>The events raised while authenticating; replace or set its delegates to observe or change each step.</summary>
    public new ClerkAuthenticationEvents Events
    {
        get => (ClerkAuthenticationEvents)base.Events!;
        set => base.Events = value;
    }

    /// <summary>Names the configuration without printing any secret.</summary>
    public override string ToString() =>
        $"ClerkAuthenticationOptions(keys={DescribeKeySource()}, authorizedParties={AuthorizedParties.Count}, cookie={ValidateSessionCookie})";

    internal string DescribeKeySource() =>
        Keys is not null ? "provider"
        : !string.IsNullOrEmpty(JwtKey) ? "pem"
        : JwksUrl is not null ? "jwks-url"
        : !string.IsNullOrEmpty(SecretKey) ? "backend-api"
        : "environment";

    internal ClerkTokenValidationOptions ToValidationOptions()
    {
        var options = new ClerkTokenValidationOptions
        {
            ClockSkew = ClockSkew,
            Issuer = Issuer,
            AcceptsToken = AcceptsToken,
            EnableTokenCache = EnableTokenCache,
            TreatPendingAsSignedOut = TreatPendingAsSignedOut,
        };
        foreach (var party in AuthorizedParties)
        {
            options.AuthorizedParties.Add(party);
        }

        return options;
    }
}
