namespace Clerk.Generated.Testing;

/// <summary>
/// The active organization to put in a test token. Permissions are written <c>org:&lt;feature&gt;:&lt;action&gt;</c>
/// so the same description can be minted as v1 claims (listed as-is) or v2 claims (features, actions and bitmasks).
/// </summary>
/// <param name="Id">The organization id (<c>org_…</c>).</param>
/// <param name="Slug">The slug, or null.</param>
/// <param name="Role">The role, with or without the <c>org:</c> prefix (for example <c>admin</c>).</param>
/// <param name="Permissions">Permissions as <c>org:feature:action</c>.</param>
public sealed record ClerkTestOrganization(string Id, string? Slug = null, string? Role = null, IReadOnlyList<string>? Permissions = null);
