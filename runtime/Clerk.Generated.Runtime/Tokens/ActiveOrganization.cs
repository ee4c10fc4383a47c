namespace Clerk.Generated.Tokens;

/// <summary>
/// The organization active in a session, read identically from v1 claims (<c>org_id</c>, <c>org_slug</c>,
/// <c>org_role</c>, <c>org_permissions</c>) and from v2 claims (<c>o {id, slg, rol, per, fpm}</c> with <c>fea</c>).
/// </summary>
public sealed class ActiveOrganization
{
    private readonly string[] _permissions;

    /// <summary>Creates an active organization. Roles and permissions are normalised to the <c>org:</c> prefix.</summary>
    /// <param name="id">The organization id (<c>org_…</c>).</param>
    /// <param name="slug">The organization slug, when present.</param>
    /// <param name="role">The member's role, with or without the <c>org:</c> prefix.</param>
    /// <param name="permissions">The member's permissions, with or without the <c>org:</c> prefix.</param>
    public ActiveOrganization(string id, string? slug, string? role, IEnumerable<string>? permissions)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        Slug = slug;
        Role = string.IsNullOrEmpty(role) ? null : WithOrgPrefix(role);
        _permissions = permissions is null ? [] : permissions.Select(WithOrgPrefix).ToArray();
    }

    /// <summary>The organization id (<c>org_…</c>).</summary>
    public string Id { get; }

    /// <summary>The organization slug, when the token carries one.</summary>
    public string? Slug { get; }

    /// <summary>The member's role with its <c>org:</c> prefix (for example <c>org:admin</c>), when present.</summary>
    public string? Role { get; }

    /// <summary>The member's permissions with their <c>org:</c> prefix (for example <c>org:invoices:read</c>).</summary>
    public IReadOnlyList<string> Permissions => _permissions;

    /// <summary>
    /// Whether the member holds <paramref name="permission"/> (<c>org:invoices:read</c> or <c>invoices:read</c>).
    /// Fails closed: a null or empty permission is never held.
    /// </summary>
    public bool HasPermission(string? permission) =>
        !string.IsNullOrEmpty(permission) && Array.IndexOf(_permissions, WithOrgPrefix(permission)) >= 0;

    /// <summary>
    /// Whether the member's role is <paramref name="role"/> (<c>org:admin</c> or <c>admin</c>).
    /// Fails closed: a null or empty role never matches.
    /// </summary>
    public bool HasRole(string? role) =>
        !string.IsNullOrEmpty(role) && Role is not null && string.Equals(Role, WithOrgPrefix(role), StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"ActiveOrganization(Id={Id}, Role={Role})";

    // Clerk compares roles and permissions after forcing exactly one "org:" prefix (@clerk/shared prefixWithOrg).
    internal static string WithOrgPrefix(string value)
    {
        var rest = value.AsSpan();
        while (rest.StartsWith("org:", StringComparison.Ordinal))
        {
            rest = rest[4..];
        }

        return rest.Length + 4 == value.Length ? value : string.Concat("org:", rest);
    }
}
