namespace Clerk.Generated.Http;

/// <summary>Which of Clerk's HTTP APIs a generated client talks to; it decides the credentials and the base URL.</summary>
public enum ClerkApiKind
{
    /// <summary>The Backend API (<c>https://api.clerk.com/v1</c>), authenticated with a secret key (<c>sk_…</c>).</summary>
    Backend,

    /// <summary>
    /// An instance's Frontend API (<c>https://&lt;instance&gt;.clerk.accounts.dev</c>, or the host in the publishable
    /// key), authenticated as a client: a client token, a dev-browser token, or nothing for public endpoints.
    /// </summary>
    Frontend,

    /// <summary>The Platform API (<c>https://api.clerk.com/v1</c>), authenticated with a platform API access token.</summary>
    Platform,
}
