namespace Clerk.Generated.Requests;

/// <summary>What a request authenticated to (Clerk's <c>AuthStatus</c>).</summary>
public enum ClerkAuthStatus
{
    /// <summary>A valid session or machine token; the claims are on the state.</summary>
    SignedIn,

    /// <summary>No valid credentials; <see cref="ClerkRequestState.Reason"/> says why.</summary>
    SignedOut,

    /// <summary>The browser must visit Clerk's frontend API (or the primary domain) and come back: send the state's headers with a redirect.</summary>
    Handshake,
}
