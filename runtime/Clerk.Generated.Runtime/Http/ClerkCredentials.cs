namespace Clerk.Generated.Http;

/// <summary>
/// The credentials one security alternative of an operation sends together (an OpenAPI security requirement,
/// its schemes named by the option that supplies each). <see cref="None"/> is the anonymous alternative (<c>{}</c>).
/// </summary>
[Flags]
public enum ClerkCredentials
{
    /// <summary>No credentials: the anonymous alternative.</summary>
    None = 0,

    /// <summary><see cref="ClerkClientOptions.SecretKey"/> as <c>Authorization: Bearer</c> (the Backend API's scheme).</summary>
    SecretKey = 1,

    /// <summary><see cref="ClerkClientOptions.PlatformAccessToken"/> as <c>Authorization: Bearer</c> (the Platform API's scheme).</summary>
    PlatformAccessToken = 2,

    /// <summary><see cref="ClerkClientOptions.ClientToken"/> as <c>Authorization: Bearer</c> (the Frontend API's <c>ProductionNativeApp</c>).</summary>
    ClientToken = 4,

    /// <summary>
    /// <c>_is_native=true</c> in the query (the Frontend API's <c>ProductionNativeFlag</c>), which tells the server to read
    /// the client token from the <c>Authorization</c> header; available when <see cref="ClerkClientOptions.ClientToken"/> is set.
    /// </summary>
    NativeFlag = 8,

    /// <summary><see cref="ClerkClientOptions.DevBrowserToken"/> as the <c>__dev_session</c> query parameter (the Frontend API's <c>DevBrowser</c>).</summary>
    DevBrowserToken = 16,

    /// <summary><see cref="ClerkClientOptions.ClientCookie"/> as <c>Cookie: __client=…</c> (the Frontend API's <c>ProductionBrowser</c>).</summary>
    ClientCookie = 32,

    /// <summary>
    /// <see cref="ClerkClientOptions.OAuthClientId"/> and <see cref="ClerkClientOptions.OAuthClientSecret"/> as
    /// <c>Authorization: Basic</c> (the Frontend API's <c>ClientCredentials</c>, RFC 6749 section 2.3.1).
    /// </summary>
    OAuthClientCredentials = 64,
}
