namespace Clerk.Generated.Requests;

/// <summary>
/// URL patterns that name an organization (or the personal account) to activate, as Clerk's
/// <c>organizationSyncOptions</c>: <c>/orgs/:slug</c>, <c>/orgs/:slug/(.*)</c>, <c>/org-id/:id</c>, <c>/me</c>.
/// A signed-in document request whose path names another organization than the session's active one gets a
/// handshake that activates it.
/// </summary>
public sealed class ClerkOrganizationSyncOptions
{
    /// <summary>Patterns with an <c>:id</c> or <c>:slug</c> parameter.</summary>
    public IList<string> OrganizationPatterns { get; set; } = new List<string>();

    /// <summary>Patterns that mean "the personal account" (no active organization).</summary>
    public IList<string> PersonalAccountPatterns { get; set; } = new List<string>();
}
