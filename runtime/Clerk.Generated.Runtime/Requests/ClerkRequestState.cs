using Clerk.Generated.Tokens;

namespace Clerk.Generated.Requests;

/// <summary>
/// The outcome of authenticating one request: signed in (with the validated session or machine token), signed out
/// (with the exact reason) or handshake (with the redirect <c>Location</c> and the headers to send). Whatever the
/// status, send <see cref="Headers"/> with the response: a resolved handshake sets cookies on a signed-in state, and
/// on development instances also asks for a redirect that cleans the URL.
/// </summary>
public sealed class ClerkRequestState
{
    private ClerkRequestState(
        ClerkAuthStatus status,
        ClerkAuthReason reason,
        string? reasonCode,
        string message,
        ClerkTokenTypes tokenType,
        ClerkTokenValidationResult? token,
        IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        Status = status;
        Reason = reason;
        ReasonCode = reasonCode;
        Message = message;
        TokenType = tokenType;
        Validation = token;
        Headers = headers;
    }

    /// <summary>Signed in, signed out or handshake.</summary>
    public ClerkAuthStatus Status { get; }

    /// <summary>Whether the request is signed in.</summary>
    public bool IsSignedIn => Status == ClerkAuthStatus.SignedIn;

    /// <summary>Why the request is signed out or needs a handshake; <see cref="ClerkAuthReason.None"/> when signed in.</summary>
    public ClerkAuthReason Reason { get; }

    /// <summary>The exact reason string Clerk's SDKs would report (for example <c>session-token-expired-refresh-non-eligible-no-refresh-cookie</c>); null when signed in.</summary>
    public string? ReasonCode { get; }

    /// <summary>A human-readable explanation, safe to log (never a token).</summary>
    public string Message { get; }

    /// <summary>The kind of token the state is about.</summary>
    public ClerkTokenTypes TokenType { get; }

    /// <summary>The validation result of the token that signed the request in; null otherwise.</summary>
    public ClerkTokenValidationResult? Validation { get; }

    /// <summary>The validated session token when signed in with one.</summary>
    public ClerkJwt? SessionToken => Validation?.Token;

    /// <summary>The verified machine token when signed in with one.</summary>
    public ClerkMachineToken? MachineToken => Validation?.MachineToken;

    /// <summary>Response headers to send, in order (<c>Location</c>, <c>Set-Cookie</c>, <c>Cache-Control</c>, …).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Where to redirect the browser, when the state asks for a redirect.</summary>
    public string? Location => Headers.FirstOrDefault(h => string.Equals(h.Key, "Location", StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The <c>Set-Cookie</c> header values to send.</summary>
    public IEnumerable<string> SetCookies => Headers.Where(h => string.Equals(h.Key, "Set-Cookie", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    internal static ClerkRequestState SignedIn(ClerkTokenValidationResult token, IReadOnlyList<KeyValuePair<string, string>>? headers = null) =>
        new(ClerkAuthStatus.SignedIn, ClerkAuthReason.None, null, string.Empty, token.TokenType, token, headers ?? []);

    internal static ClerkRequestState SignedOut(
        ClerkAuthReason reason,
        string? reasonCode = null,
        string message = "",
        ClerkTokenTypes tokenType = ClerkTokenTypes.SessionToken,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null) =>
        new(ClerkAuthStatus.SignedOut, reason, reasonCode ?? reason.ToWireString(), message, tokenType, null, headers ?? []);

    internal static ClerkRequestState Handshake(ClerkAuthReason reason, string reasonCode, string message, IReadOnlyList<KeyValuePair<string, string>> headers) =>
        new(ClerkAuthStatus.Handshake, reason, reasonCode, message, ClerkTokenTypes.SessionToken, null, headers);

    /// <inheritdoc />
    public override string ToString() => Status switch
    {
        ClerkAuthStatus.SignedIn => $"SignedIn {TokenType}",
        _ => $"{Status} {ReasonCode}",
    };
}
