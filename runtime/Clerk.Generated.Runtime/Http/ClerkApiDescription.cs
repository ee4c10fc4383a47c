namespace Clerk.Generated.Http;

/// <summary>
/// What a generated client tells its transport about the spec it came from: which API, the version sent as
/// <c>Clerk-API-Version</c>, and the path its server URL puts before every operation's path (<c>/v1</c> for the
/// Backend and Platform APIs, empty for the Frontend API, whose paths carry <c>/v1</c> themselves).
/// </summary>
public sealed record ClerkApiDescription
{
    /// <summary>Describes a spec.</summary>
    /// <param name="kind">Which API.</param>
    /// <param name="version">The spec's <c>info.version</c>.</param>
    /// <param name="basePath">The server URL's path: empty, or starting with <c>/</c> and not ending with one.</param>
    /// <exception cref="ArgumentException">The version is empty or the base path is not of that shape.</exception>
    public ClerkApiDescription(ClerkApiKind kind, string version, string basePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(basePath);
        if (basePath.Length > 0 && (basePath[0] != '/' || basePath[^1] == '/' || basePath.Contains('?') || basePath.Contains('#')))
        {
            throw new ArgumentException($"The base path must be empty or start with '/', without a trailing '/', query or fragment: '{basePath}'.", nameof(basePath));
        }

        Kind = kind;
        Version = version;
        BasePath = basePath;
        _security = DefaultSecurity(kind);
    }

    private ClerkSecurity _security;

    /// <summary>Which API.</summary>
    public ClerkApiKind Kind { get; }

    /// <summary>The spec's version.</summary>
    public string Version { get; }

    /// <summary>The server URL's path, put before every operation's path.</summary>
    public string BasePath { get; }

    /// <summary>
    /// The security of operations that declare none of their own (the spec's global <c>security</c>). Unless set, what
    /// Clerk's specs declare for the kind: the secret key (Backend), the platform access token (Platform), or anonymous,
    /// dev-browser token, <c>__client</c> cookie, client token with the native flag (Frontend), in that order.
    /// </summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public ClerkSecurity Security
    {
        get => _security;
        init => _security = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Whether the spec's version goes out as <c>Clerk-API-Version</c> when the options name none: always for the
    /// Backend API; for the others only a dated version (<c>2025-04-10</c>), since their specs' versions (<c>v1</c>,
    /// <c>BETA</c>) name the document, not an API version the server accepts.
    /// </summary>
    internal bool SendsSpecVersion =>
        Kind == ClerkApiKind.Backend || DateOnly.TryParseExact(Version, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);

    private static ClerkSecurity DefaultSecurity(ClerkApiKind kind) => kind switch
    {
        ClerkApiKind.Frontend => new(
            ClerkCredentials.None,
            ClerkCredentials.DevBrowserToken,
            ClerkCredentials.ClientCookie,
            ClerkCredentials.ClientToken | ClerkCredentials.NativeFlag),
        ClerkApiKind.Platform => new(ClerkCredentials.PlatformAccessToken),
        _ => new(ClerkCredentials.SecretKey),
    };

    /// <summary>The Backend API at <c>/v1</c>, what a transport built from a version alone talks to.</summary>
    public static ClerkApiDescription Backend(string version) => new(ClerkApiKind.Backend, version, "/v1");
}
