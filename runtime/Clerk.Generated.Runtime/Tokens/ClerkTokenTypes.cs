namespace Clerk.Generated.Tokens;

/// <summary>The kinds of token Clerk issues; a set of them says which ones a validator accepts.</summary>
[Flags]
public enum ClerkTokenTypes
{
    /// <summary>No token type.</summary>
    None = 0,

    /// <summary>A session token: an RS256 JWT minted by Clerk's frontend API for a signed-in user.</summary>
    SessionToken = 1,

    /// <summary>An API key (<c>ak_…</c>), verified through the Backend API.</summary>
    ApiKey = 2,

    /// <summary>A machine-to-machine token (<c>mt_…</c>), verified through the Backend API.</summary>
    M2MToken = 4,

    /// <summary>An OAuth access token (<c>oat_…</c>), verified through the Backend API.</summary>
    OAuthToken = 8,

    /// <summary>Every machine token type.</summary>
    MachineTokens = ApiKey | M2MToken | OAuthToken,

    /// <summary>Every token type.</summary>
    Any = SessionToken | MachineTokens,
}
