using Clerk.Generated.Tokens;

namespace Clerk.Generated.Requests;

/// <summary>
/// How <see cref="ClerkRequestAuthenticator"/> authenticates requests: the instance's keys, the parties allowed to
/// present tokens, and the multi-domain setup (satellite, domain, proxy). Mutable for the options pattern; the
/// authenticator copies it when it is created.
/// </summary>
public sealed class ClerkRequestAuthenticatorOptions
{
    /// <summary>The instance's publishable key (<c>pk_test_…</c> / <c>pk_live_…</c>, <c>CLERK_PUBLISHABLE_KEY</c>). Required.</summary>
    public string? PublishableKey { get; set; }

    /// <summary>The secret key (<c>CLERK_SECRET_KEY</c>): resolves handshake nonces and verifies opaque machine tokens. Never logged.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The Backend API base URL; <c>https://api.clerk.com</c> when null.</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>Origins allowed in <c>azp</c>; empty means any (see <see cref="ClerkTokenValidationOptions.AuthorizedParties"/>).</summary>
    public IList<string> AuthorizedParties { get; set; } = new List<string>();

    /// <summary>
    /// The issuer session tokens must carry. Null (the default) pins it to the instance's own frontend API, from the
    /// publishable key (or <c>clerk.&lt;Domain&gt;</c> for a production satellite); an empty string leaves it unchecked.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>Allowed clock difference for <c>exp</c>, <c>nbf</c> and <c>iat</c>. Default 5 seconds.</summary>
    public TimeSpan ClockSkew { get; set; } = ClerkTokenValidationOptions.DefaultClockSkew;

    /// <summary>Which token types are accepted. Session tokens only by default.</summary>
    public ClerkTokenTypes AcceptsToken { get; set; } = ClerkTokenTypes.SessionToken;

    /// <summary>
    /// Pending sessions (signed in with tasks left, <c>sts: pending</c>) count as signed out, as in Clerk's SDKs.
    /// Default true.
    /// </summary>
    public bool TreatPendingAsSignedOut { get; set; } = true;

    /// <summary>This application runs on a satellite domain of the instance.</summary>
    public bool IsSatellite { get; set; }

    /// <summary>The satellite's domain (for example <c>satellite.example.com</c>); required for a satellite without <see cref="ProxyUrl"/>.</summary>
    public string? Domain { get; set; }

    /// <summary>The URL (absolute, or a path on this application) where the frontend API is proxied.</summary>
    public string? ProxyUrl { get; set; }

    /// <summary>The primary domain's sign-in URL; required for a development satellite.</summary>
    public string? SignInUrl { get; set; }

    /// <summary>A satellite syncs with the primary on the first visit even without Clerk cookies. Default false.</summary>
    public bool SatelliteAutoSync { get; set; }

    /// <summary>URL patterns that activate an organization or the personal account; none by default.</summary>
    public ClerkOrganizationSyncOptions? OrganizationSync { get; set; }
}
