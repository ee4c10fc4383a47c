namespace Clerk.Generated.Authentication;

/// <summary>Where the token of a request was found.</summary>
public enum ClerkTokenSource
{
    /// <summary>No token was found.</summary>
    None = 0,

    /// <summary>The <c>Authorization: Bearer</c> header.</summary>
    AuthorizationHeader,

    /// <summary>The <c>__session</c> cookie or its suffixed variant.</summary>
    SessionCookie,

    /// <summary>An event handler supplied it (<see cref="ClerkTokenReceivedContext.Token"/>).</summary>
    Event,
}
