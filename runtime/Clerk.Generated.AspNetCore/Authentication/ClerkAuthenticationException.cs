using Clerk.Generated.Tokens;

namespace Clerk.Generated.AspNetCore;

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
