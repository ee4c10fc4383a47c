namespace Clerk.Generated.Tokens;

/// <summary>
/// The verdict on one token: valid with its claims, or rejected with a precise <see cref="Reason"/> and a message
/// that never contains the token or any key material.
/// </summary>
public sealed class ClerkTokenValidationResult
{
    private static readonly ClerkTokenValidationResult[] SessionRejections = CreateSessionRejections();

    private ClerkTokenValidationResult(
        ClerkTokenTypes tokenType,
        TokenRejectionReason reason,
        string message,
        ClerkJwt? token,
        ClerkMachineToken? machineToken,
        TimeSpan? retryAfter = null)
    {
        RetryAfter = retryAfter;
        TokenType = tokenType;
        Reason = reason;
        Message = message;
        Token = token;
        MachineToken = machineToken;
    }

    /// <summary>Whether the token was accepted.</summary>
    public bool IsValid => Reason == TokenRejectionReason.None;

    /// <summary>What kind of token this was (or looked like).</summary>
    public ClerkTokenTypes TokenType { get; }

    /// <summary>
    /// The validated session token, when <see cref="IsValid"/> and the token is a session token; also set when the
    /// only objection is a pending session (<see cref="TokenRejectionReason.SessionPending"/>).
    /// </summary>
    public ClerkJwt? Token { get; }

    /// <summary>The verified machine token, when <see cref="IsValid"/> and the token is an API key, M2M or OAuth token.</summary>
    public ClerkMachineToken? MachineToken { get; }

    /// <summary>Why the token was rejected; <see cref="TokenRejectionReason.None"/> when it was accepted.</summary>
    public TokenRejectionReason Reason { get; }

    /// <summary>
    /// For a token that could not be checked now (<see cref="TokenRejectionReason.MachineTokenVerificationUnavailable"/>),
    /// how long to wait before trying again when that is known (Clerk's <c>Retry-After</c>, or the local rate limit's).
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>A human-readable explanation, safe to log: it never repeats the token or key material.</summary>
    public string Message { get; }

    /// <summary>An accepted session token.</summary>
    public static ClerkTokenValidationResult Success(ClerkJwt token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(ClerkTokenTypes.SessionToken, TokenRejectionReason.None, "The session token is valid.", token, null);
    }

    /// <summary>An accepted machine token.</summary>
    public static ClerkTokenValidationResult Success(ClerkMachineToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(token.TokenType, TokenRejectionReason.None, "The machine token is valid.", null, token);
    }

    /// <summary>A verified session token whose session is pending, refused as signed out; the token stays readable.</summary>
    public static ClerkTokenValidationResult Pending(ClerkJwt token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(ClerkTokenTypes.SessionToken, TokenRejectionReason.SessionPending, DescribeReason(TokenRejectionReason.SessionPending), token, null);
    }

    /// <summary>A rejected session token, with the standard message for <paramref name="reason"/>.</summary>
    public static ClerkTokenValidationResult Rejected(TokenRejectionReason reason)
    {
        if (reason == TokenRejectionReason.None || (uint)reason >= (uint)SessionRejections.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "A rejection needs a reason.");
        }

        return SessionRejections[(int)reason];
    }

    /// <summary>A rejected token with a specific safe message.</summary>
    public static ClerkTokenValidationResult Rejected(ClerkTokenTypes tokenType, TokenRejectionReason reason, string message) =>
        Rejected(tokenType, reason, message, retryAfter: null);

    /// <summary>A rejected token with a specific safe message and, for a token that could not be checked now, when to retry.</summary>
    public static ClerkTokenValidationResult Rejected(ClerkTokenTypes tokenType, TokenRejectionReason reason, string message, TimeSpan? retryAfter)
    {
        if (reason == TokenRejectionReason.None)
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "A rejection needs a reason.");
        }

        ArgumentException.ThrowIfNullOrEmpty(message);
        return new(tokenType, reason, message, null, null, retryAfter);
    }

    /// <inheritdoc />
    public override string ToString() => IsValid ? $"Valid {TokenType}" : $"Rejected {TokenType}: {Reason} ({Message})";

    /// <summary>The standard, fixed message for a rejection reason.</summary>
    public static string DescribeReason(TokenRejectionReason reason) => reason switch
    {
        TokenRejectionReason.None => "The token is valid.",
        TokenRejectionReason.Missing => "No token was supplied.",
        TokenRejectionReason.TooLarge => "The token is longer than the configured maximum.",
        TokenRejectionReason.Malformed => "The token is not a well-formed JWT with well-typed claims.",
        TokenRejectionReason.DuplicateClaim => "The token repeats a header parameter or claim.",
        TokenRejectionReason.UnsupportedAlgorithm => "The token's algorithm is not RS256.",
        TokenRejectionReason.UnsupportedTokenType => "The token's typ header is not JWT.",
        TokenRejectionReason.UnsupportedCriticalHeader => "The token lists critical header extensions that are not supported.",
        TokenRejectionReason.MissingKeyId => "The token's header has no kid.",
        TokenRejectionReason.UnknownKey => "No signing key matches the token's kid.",
        TokenRejectionReason.KeysUnavailable => "The signing keys could not be loaded from Clerk.",
        TokenRejectionReason.BadSignature => "The token's signature is invalid.",
        TokenRejectionReason.MissingSubject => "The token has no string sub claim.",
        TokenRejectionReason.MissingExpiration => "The token has no exp claim.",
        TokenRejectionReason.Expired => "The token has expired.",
        TokenRejectionReason.NotYetValid => "The token is not valid yet (nbf).",
        TokenRejectionReason.IssuedInFuture => "The token was issued in the future (iat).",
        TokenRejectionReason.DisallowedAuthorizedParty => "The token's authorized party (azp) is not allowed.",
        TokenRejectionReason.InvalidIssuer => "The token's issuer (iss) is not the expected one.",
        TokenRejectionReason.NonSessionToken => "The token is not a session token (header cat).",
        TokenRejectionReason.TokenTypeNotAccepted => "This kind of token is not accepted here.",
        TokenRejectionReason.MachineTokenInvalid => "Clerk did not accept the machine token.",
        TokenRejectionReason.MachineTokenVerificationUnavailable => "The machine token could not be verified with Clerk.",
        TokenRejectionReason.SessionPending => "The session is pending (session tasks are unfinished) and counts as signed out.",
        _ => "The token was rejected.",
    };

    private static ClerkTokenValidationResult[] CreateSessionRejections()
    {
        var reasons = Enum.GetValues<TokenRejectionReason>();
        var results = new ClerkTokenValidationResult[reasons.Max(r => (int)r) + 1];
        foreach (var reason in reasons)
        {
            results[(int)reason] = new(ClerkTokenTypes.SessionToken, reason, DescribeReason(reason), null, null);
        }

        return results;
    }
}
