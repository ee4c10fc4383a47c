namespace Clerk.Generated.Requests;

/// <summary>The wire strings of <see cref="ClerkAuthReason"/>, as Clerk's SDKs send them in <c>x-clerk-auth-reason</c>.</summary>
public static class ClerkAuthReasons
{
    /// <summary>
    /// The string Clerk uses for <paramref name="reason"/>. For <see cref="ClerkAuthReason.SessionTokenExpired"/> this is
    /// the stem; <see cref="ClerkRequestState.ReasonCode"/> carries the full string with its refresh outcome.
    /// </summary>
    public static string ToWireString(this ClerkAuthReason reason) => reason switch
    {
        ClerkAuthReason.None => string.Empty,
        ClerkAuthReason.ClientUatWithoutSessionToken => "client-uat-but-no-session-token",
        ClerkAuthReason.DevBrowserMissing => "dev-browser-missing",
        ClerkAuthReason.DevBrowserSync => "dev-browser-sync",
        ClerkAuthReason.PrimaryRespondsToSyncing => "primary-responds-to-syncing",
        ClerkAuthReason.PrimaryDomainCrossOriginSync => "primary-domain-cross-origin-sync",
        ClerkAuthReason.SatelliteCookieNeedsSyncing => "satellite-needs-syncing",
        ClerkAuthReason.SessionTokenAndUatMissing => "session-token-and-uat-missing",
        ClerkAuthReason.SessionTokenMissing => "session-token-missing",
        ClerkAuthReason.SessionTokenExpired => "session-token-expired",
        ClerkAuthReason.SessionTokenIatBeforeClientUat => "session-token-iat-before-client-uat",
        ClerkAuthReason.SessionTokenNotBefore => "session-token-nbf",
        ClerkAuthReason.SessionTokenIatInTheFuture => "session-token-iat-in-the-future",
        ClerkAuthReason.SessionTokenWithoutClientUat => "session-token-but-no-client-uat",
        ClerkAuthReason.ActiveOrganizationMismatch => "active-organization-mismatch",
        ClerkAuthReason.TokenTypeMismatch => "token-type-mismatch",
        ClerkAuthReason.UnexpectedError => "unexpected-error",
        ClerkAuthReason.SessionPending => "session-pending",
        ClerkAuthReason.NoTokenInHeader => "No token in header",
        ClerkAuthReason.TokenInvalid => "token-invalid",
        ClerkAuthReason.TokenInvalidAlgorithm => "token-invalid-algorithm",
        ClerkAuthReason.TokenInvalidAuthorizedParties => "token-invalid-authorized-parties",
        ClerkAuthReason.TokenInvalidIssuer => "token-invalid-issuer",
        ClerkAuthReason.TokenInvalidSignature => "token-invalid-signature",
        ClerkAuthReason.TokenVerificationFailed => "token-verification-failed",
        ClerkAuthReason.JwkMissing => "jwk-remote-missing",
        ClerkAuthReason.JwkFailedToLoad => "jwk-remote-failed-to-load",
        ClerkAuthReason.SecretKeyInvalid => "secret-key-invalid",
        _ => "unexpected-error",
    };
}
