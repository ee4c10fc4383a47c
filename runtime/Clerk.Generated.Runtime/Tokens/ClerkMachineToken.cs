using System.Text.Json;

namespace Clerk.Generated.Tokens;

/// <summary>
/// A machine token Clerk's Backend API verified: an API key (<c>ak_…</c>), an M2M token (<c>mt_…</c>) or an OAuth
/// access token (<c>oat_…</c>). Holds what the verify endpoints return, never the secret itself.
/// </summary>
public sealed class ClerkMachineToken
{
    /// <summary>Creates a verified machine token.</summary>
    public ClerkMachineToken(
        ClerkTokenTypes tokenType,
        string id,
        string subject,
        string? name,
        IReadOnlyList<string>? scopes,
        JsonElement? claims,
        DateTimeOffset? expiresAt,
        string? clientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(subject);
        TokenType = tokenType;
        Id = id;
        Subject = subject;
        Name = name;
        Scopes = scopes ?? [];
        Claims = claims;
        ExpiresAt = expiresAt;
        ClientId = clientId;
    }

    /// <summary>Which kind of machine token this is.</summary>
    public ClerkTokenTypes TokenType { get; }

    /// <summary>The token's id (<c>ak_…</c>, <c>mt_…</c>, <c>oat_…</c>), not its secret.</summary>
    public string Id { get; }

    /// <summary>Who the token acts for: a user (<c>user_…</c>), organization (<c>org_…</c>) or machine (<c>mch_…</c>).</summary>
    public string Subject { get; }

    /// <summary>The API key's name, when it has one.</summary>
    public string? Name { get; }

    /// <summary>The scopes granted to the token.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Custom claims attached to the token, when any.</summary>
    public JsonElement? Claims { get; }

    /// <summary>When the token expires, when it does.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The OAuth client the access token was issued to (OAuth access tokens only).</summary>
    public string? ClientId { get; }

    /// <summary>Whether a scope was granted. Fails closed on null or empty input.</summary>
    public bool HasScope(string? scope) => !string.IsNullOrEmpty(scope) && Scopes.Contains(scope, StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"ClerkMachineToken({TokenType}, id={Id}, sub={Subject})";
}
