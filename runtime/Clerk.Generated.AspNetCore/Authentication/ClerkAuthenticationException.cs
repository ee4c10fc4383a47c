using Clerk.Generated.Tokens;

namespace Clerk.Generated.Authentication;

/// <summary>
/// Why the Clerk scheme did not authenticate a request: the failure of an <c>AuthenticateResult</c>. The message is
/// the validator's fixed text for <see cref="Reason"/>; it never contains the token or key material.
/// </summary>
public sealed class ClerkAuthenticationException : Exception
{
    /// <summary>Creates the exception for a rejection reason.</summary>
    public ClerkAuthenticationException(TokenRejectionReason reason, string message, ClerkTokenSource source)
        : base(message)
    {
        Reason = reason;
        TokenSource = source;
    }

    /// <summary>Creates the exception for a rejected validation, keeping a pending session's verified token.</summary>
    public ClerkAuthenticationException(ClerkTokenValidationResult validation, ClerkTokenSource source)
        : this(validation?.Reason ?? throw new ArgumentNullException(nameof(validation)), validation.Message, source)
    {
        PendingSessionToken = validation.Reason == TokenRejectionReason.SessionPending ? validation.Token : null;
        RetryAfter = validation.RetryAfter;
    }

    /// <summary>
    /// The verified token of a pending session refused as signed out (<see cref="TokenRejectionReason.SessionPending"/>),
    /// for sending the user on to finish the session's tasks; null for every other failure.
    /// </summary>
    public ClerkJwt? PendingSessionToken { get; }

    /// <summary>When the server cannot check the token now, how long to wait before trying again, when known.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The <c>Retry-After</c> seconds a 503 for this failure carries: <see cref="RetryAfter"/> rounded up, else 10.</summary>
    internal string RetryAfterSeconds =>
        Math.Clamp((int)Math.Ceiling((RetryAfter ?? TimeSpan.FromSeconds(10)).TotalSeconds), 1, 3600)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Why the token was rejected.</summary>
    public TokenRejectionReason Reason { get; }

    /// <summary>Where the rejected token came from.</summary>
    public ClerkTokenSource TokenSource { get; }

    /// <summary>
    /// Whether the failure is the server's, not the client's: the signing keys or the machine-token verification
    /// could not be had. Such requests are answered 503, never 401.
    /// </summary>
    public bool IsServiceUnavailable =>
        Reason is TokenRejectionReason.KeysUnavailable or TokenRejectionReason.MachineTokenVerificationUnavailable;
}
