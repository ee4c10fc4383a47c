namespace Clerk.Generated.Authentication;

/// <summary>Names the Clerk authentication scheme and the cookie Clerk's frontend SDKs write.</summary>
public static class ClerkAuthenticationDefaults
{
    /// <summary>The default scheme name: <c>Clerk</c>.</summary>
    public const string AuthenticationScheme = "Clerk";

    /// <summary>The cookie holding the session token on same-origin requests: <c>__session</c>.</summary>
    public const string SessionCookieName = "__session";

    /// <summary>The authentication type of identities the scheme creates.</summary>
    public const string AuthenticationType = "Clerk";
}
