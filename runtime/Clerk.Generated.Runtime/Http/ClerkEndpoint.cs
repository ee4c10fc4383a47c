namespace Clerk.Generated.Http;

/// <summary>Describes one operation of the Clerk Backend API, as listed by the generated <c>ClerkEndpoints.All</c>.</summary>
/// <param name="OperationId">The spec's operationId, for example <c>GetUser</c>.</param>
/// <param name="Method">The HTTP method in upper case, for example <c>GET</c>.</param>
/// <param name="PathTemplate">The path relative to the API base with <c>{name}</c> placeholders, for example <c>/users/{user_id}</c>.</param>
/// <param name="Group">The client group the operation belongs to, for example <c>Users</c>.</param>
/// <param name="IsDeprecated">Whether the spec marks the operation deprecated.</param>
public sealed record ClerkEndpoint(string OperationId, string Method, string PathTemplate, string Group, bool IsDeprecated)
{
    /// <summary>The operation's own security, when the spec gives it one; <see langword="null"/> for the API's (<see cref="ClerkApiDescription.Security"/>).</summary>
    public ClerkSecurity? Security { get; init; }
}
