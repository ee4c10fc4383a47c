namespace Clerk.Generated.Requests;

/// <summary>
/// Why a request is signed out or needs a handshake: Clerk's <c>AuthErrorReason</c> values, the token verification
/// reasons that surface through them, and the machine-token verification codes. <see cref="ClerkAuthReasons.ToWireString"/>
/// gives the exact string Clerk's SDKs use.
/// </summary>
public enum ClerkAuthReason
{
    /// <summary>No reason: the request is signed in.</summary>
    None = 0,

    /// <summary><c>client-uat-but-no-session-token</c>: the client is signed in but the session cookie is missing.</summary>
    ClientUatWithoutSessionToken,

    /// <summary><c>dev-browser-missing</c>: a development instance without the dev-browser token.</summary>
    DevBrowserMissing,

    /// <summary><c>dev-browser-sync</c>: a development instance received the dev-browser token in the URL.</summary>
    DevBrowserSync,

    /// <summary><c>primary-responds-to-syncing</c>: the primary domain sends a satellite back after syncing.</summary>
    PrimaryRespondsToSyncing,

    /// <summary><c>primary-domain-cross-origin-sync</c>: a navigation to the primary domain from another origin.</summary>
    PrimaryDomainCrossOriginSync,

    /// <summary><c>satellite-needs-syncing</c>: a satellite domain must fetch the session from the primary.</summary>
    SatelliteCookieNeedsSyncing,

    /// <summary><c>session-token-and-uat-missing</c>: no session cookie and no <c>__client_uat</c>: a plain signed-out visitor.</summary>
    SessionTokenAndUatMissing,

    /// <summary><c>session-token-missing</c>: a resolved handshake carried no session cookie.</summary>
    SessionTokenMissing,

    /// <summary><c>session-token-expired-refresh-…</c>: the session token expired (the wire string carries the refresh outcome).</summary>
    SessionTokenExpired,

    /// <summary><c>session-token-iat-before-client-uat</c>: the session cookie predates the client's last sign-in change.</summary>
    SessionTokenIatBeforeClientUat,

    /// <summary><c>session-token-nbf</c>: the session token is not valid yet.</summary>
    SessionTokenNotBefore,

    /// <summary><c>session-token-iat-in-the-future</c>: the session token was issued in the future.</summary>
    SessionTokenIatInTheFuture,

    /// <summary><c>session-token-but-no-client-uat</c>: a session cookie without <c>__client_uat</c>.</summary>
    SessionTokenWithoutClientUat,

    /// <summary><c>active-organization-mismatch</c>: the URL names another organization than the session's active one.</summary>
    ActiveOrganizationMismatch,

    /// <summary><c>token-type-mismatch</c>: the token is of a type this endpoint does not accept.</summary>
    TokenTypeMismatch,

    /// <summary><c>unexpected-error</c>.</summary>
    UnexpectedError,

    /// <summary><c>session-pending</c>: the session is pending (tasks to complete) and pending sessions count as signed out.</summary>
    SessionPending,

    /// <summary><c>No token in header</c>: only machine tokens are accepted and the request carries none.</summary>
    NoTokenInHeader,

    /// <summary><c>token-invalid</c>: the token cannot be decoded, or its type or category is wrong.</summary>
    TokenInvalid,

    /// <summary><c>token-invalid-algorithm</c>.</summary>
    TokenInvalidAlgorithm,

    /// <summary><c>token-invalid-authorized-parties</c>: <c>azp</c> is not one of the authorized parties.</summary>
    TokenInvalidAuthorizedParties,

    /// <summary><c>token-invalid-issuer</c>.</summary>
    TokenInvalidIssuer,

    /// <summary><c>token-invalid-signature</c>.</summary>
    TokenInvalidSignature,

    /// <summary><c>token-verification-failed</c>: a required claim is missing or mistyped, or a machine token failed its checks.</summary>
    TokenVerificationFailed,

    /// <summary><c>jwk-remote-missing</c>: no signing key matches the token.</summary>
    JwkMissing,

    /// <summary><c>jwk-remote-failed-to-load</c>: the signing keys could not be loaded.</summary>
    JwkFailedToLoad,

    /// <summary><c>secret-key-invalid</c>: Clerk refused the secret key while verifying a machine token.</summary>
    SecretKeyInvalid,
}
