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
/// in braces) and that URL's path, which the transport puts before every operation's path.
/// </summary>
internal sealed record ServerModel(ApiKind Kind, string Url, string BasePath)
{
    /// <summary>Clerk's Backend and Platform APIs' server, assumed by a spec that names none.</summary>
    public const string ClerkApiServer = "https://api.clerk.com/v1";

    public static ServerModel Default(ApiKind kind) => new(kind, kind == ApiKind.Frontend ? string.Empty : ClerkApiServer, kind == ApiKind.Frontend ? string.Empty : "/v1");
}
