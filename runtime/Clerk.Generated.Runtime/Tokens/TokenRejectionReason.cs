namespace Clerk.Generated.Tokens;

/// <summary>Why a token was rejected. Every rejection carries exactly one reason.</summary>
public enum TokenRejectionReason
{
    /// <summary>The token was accepted.</summary>
    None = 0,

    /// <summary>No token was supplied (null, empty or whitespace).</summary>
    Missing,

    /// <summary>The token is longer than <see cref="ClerkTokenValidationOptions.MaxTokenLength"/>.</summary>
    TooLarge,

    /// <summary>The token is not a compact JWS: wrong number of segments, bad base64url or JSON, wrong claim types.</summary>
    Malformed,

    /// <summary>A header parameter or claim occurs twice; parsers disagree on which one wins, so neither is trusted.</summary>
    DuplicateClaim,

    /// <summary>The header's <c>alg</c> is not <c>RS256</c> (including <c>none</c> and every HMAC algorithm).</summary>
    UnsupportedAlgorithm,

    /// <summary>The header's <c>typ</c> is present and is not <c>JWT</c>.</summary>
    UnsupportedTokenType,

    /// <summary>The header lists <c>crit</c> extensions, none of which this validator understands.</summary>
    UnsupportedCriticalHeader,

    /// <summary>The header carries no <c>kid</c>.</summary>
    MissingKeyId,

    /// <summary>No signing key with the token's <c>kid</c> is known, even after the allowed refresh.</summary>
    UnknownKey,

    /// <summary>The signing keys could not be loaded (Clerk unreachable and no stale keys within the allowed age).</summary>
    KeysUnavailable,

    /// <summary>The RS256 signature does not verify with the key named by <c>kid</c>.</summary>
    BadSignature,

    /// <summary>The <c>sub</c> claim is missing or not a string.</summary>
    MissingSubject,

    /// <summary>The <c>exp</c> claim is missing.</summary>
    MissingExpiration,

    /// <summary>The token expired (<c>exp</c> is at or before now minus the clock skew).</summary>
    Expired,

    /// <summary>The token is not valid yet (<c>nbf</c> is after now plus the clock skew).</summary>
    NotYetValid,

    /// <summary>The token was issued in the future (<c>iat</c> is after now plus the clock skew).</summary>
    IssuedInFuture,

    /// <summary>Authorized parties are configured and <c>azp</c> is absent or not one of them.</summary>
    DisallowedAuthorizedParty,

    /// <summary>An issuer is pinned and <c>iss</c> is absent or different.</summary>
    InvalidIssuer,

    /// <summary>The header's <c>cat</c> marks a non-session token (for example an M2M JWT).</summary>
    NonSessionToken,

    /// <summary>The token is of a type (session, API key, M2M, OAuth) that <see cref="ClerkTokenValidationOptions.AcceptsToken"/> excludes.</summary>
    TokenTypeNotAccepted,

    /// <summary>Clerk's Backend API says the machine token (API key, M2M token, OAuth access token) is not valid.</summary>
    MachineTokenInvalid,

    /// <summary>The machine token could not be verified because Clerk's Backend API failed or is unreachable.</summary>
    MachineTokenVerificationUnavailable,

    /// <summary>
    /// The token is valid but its session is <c>pending</c> (session tasks left) and
    /// <see cref="ClerkTokenValidationOptions.TreatPendingAsSignedOut"/> is on: signed out, as in Clerk's SDKs. The
    /// rejection carries the verified token.
    /// </summary>
    SessionPending,
}
