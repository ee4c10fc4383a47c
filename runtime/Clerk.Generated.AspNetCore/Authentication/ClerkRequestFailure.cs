using Clerk.Generated.Requests;
using Clerk.Generated.Tokens;

namespace Clerk.Generated.Authentication;

/// <summary>How a signed-out request state reads to ASP.NET Core authentication: no credential at all, or a failure with a reason.</summary>
internal static class ClerkRequestFailure
{
    /// <summary>The request carried nothing to judge (an anonymous visitor): "no result", not a failure.</summary>
    public static bool IsNoCredential(ClerkAuthReason reason) => reason is
        ClerkAuthReason.SessionTokenAndUatMissing
        or ClerkAuthReason.ClientUatWithoutSessionToken
        or ClerkAuthReason.SessionTokenMissing
        or ClerkAuthReason.DevBrowserMissing
        or ClerkAuthReason.DevBrowserSync
        or ClerkAuthReason.SatelliteCookieNeedsSyncing
        or ClerkAuthReason.PrimaryRespondsToSyncing
        or ClerkAuthReason.NoTokenInHeader;

    /// <summary>The closest token rejection reason, for <see cref="ClerkAuthenticationException.Reason"/>.</summary>
    public static TokenRejectionReason ToRejectionReason(ClerkAuthReason reason) => reason switch
    {
        ClerkAuthReason.SessionTokenExpired or ClerkAuthReason.SessionTokenIatBeforeClientUat or ClerkAuthReason.SessionTokenWithoutClientUat => TokenRejectionReason.Expired,
        ClerkAuthReason.SessionTokenNotBefore => TokenRejectionReason.NotYetValid,
        ClerkAuthReason.SessionTokenIatInTheFuture => TokenRejectionReason.IssuedInFuture,
        ClerkAuthReason.SessionPending => TokenRejectionReason.SessionPending,
        ClerkAuthReason.TokenTypeMismatch => TokenRejectionReason.TokenTypeNotAccepted,
        ClerkAuthReason.TokenInvalidAlgorithm => TokenRejectionReason.UnsupportedAlgorithm,
        ClerkAuthReason.TokenInvalidSignature => TokenRejectionReason.BadSignature,
        ClerkAuthReason.TokenInvalidAuthorizedParties => TokenRejectionReason.DisallowedAuthorizedParty,
        ClerkAuthReason.TokenInvalidIssuer => TokenRejectionReason.InvalidIssuer,
        ClerkAuthReason.TokenVerificationFailed => TokenRejectionReason.MissingSubject,
        ClerkAuthReason.JwkMissing => TokenRejectionReason.UnknownKey,
        ClerkAuthReason.JwkFailedToLoad => TokenRejectionReason.KeysUnavailable,
        ClerkAuthReason.UnexpectedError => TokenRejectionReason.MachineTokenVerificationUnavailable,
        _ => TokenRejectionReason.Malformed,
    };
}
