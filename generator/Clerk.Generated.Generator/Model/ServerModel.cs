namespace Clerk.Generated.Generator.Model;

/// <summary>Which of Clerk's HTTP APIs a spec describes; named as the runtime's <c>ClerkApiKind</c> members.</summary>
internal enum ApiKind
{
    Backend,
    Frontend,
    Platform,
}

/// <summary>
/// Where a spec's operations live and how they authenticate: its API, its first server's URL as written (variables
/// in braces), that URL's path, which the transport puts before every operation's path, and the spec's global
/// security, which every operation without its own follows.
/// </summary>
internal sealed record ServerModel(ApiKind Kind, string Url, string BasePath, SecurityModel Security)
{
    /// <summary>Clerk's Backend and Platform APIs' server, assumed by a spec that names none.</summary>
    public const string ClerkApiServer = "https://api.clerk.com/v1";

    public static ServerModel Default(ApiKind kind, SecurityModel security) =>
        new(kind, kind == ApiKind.Frontend ? string.Empty : ClerkApiServer, kind == ApiKind.Frontend ? string.Empty : "/v1", security);
}
