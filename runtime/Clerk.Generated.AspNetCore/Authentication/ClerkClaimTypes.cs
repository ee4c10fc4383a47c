namespace Clerk.Generated.Authentication;

/// <summary>
/// The claim types of a principal the Clerk scheme creates. They are Clerk's own claim names, so
/// <c>User.FindFirst(ClerkClaimTypes.OrganizationId)</c> reads what the token said. The user id is also given as
/// <see cref="System.Security.Claims.ClaimTypes.NameIdentifier"/>, and the identity's name and role claim types are
/// <see cref="UserId"/> and <see cref="OrganizationRole"/>, so <c>User.Identity.Name</c> is the user id and
/// <c>User.IsInRole("org:admin")</c> checks the organization role.
/// </summary>
public static class ClerkClaimTypes
{
    /// <summary>The user id (<c>sub</c>, <c>user_…</c>); for a machine token, the subject it acts for.</summary>
    public const string UserId = "sub";

    /// <summary>The session id (<c>sid</c>, <c>sess_…</c>).</summary>
    public const string SessionId = "sid";

    /// <summary>The session status (<c>sts</c>: <c>active</c> or <c>pending</c>).</summary>
    public const string SessionStatus = "sts";

    /// <summary>The authorized party (<c>azp</c>): the origin the token was minted for.</summary>
    public const string AuthorizedParty = "azp";

    /// <summary>The issuer (<c>iss</c>): the instance's frontend API URL.</summary>
    public const string Issuer = "iss";

    /// <summary>The active organization's id (<c>org_…</c>).</summary>
    public const string OrganizationId = "org_id";

    /// <summary>The active organization's slug.</summary>
    public const string OrganizationSlug = "org_slug";

    /// <summary>The member's organization role, always <c>org:</c>-prefixed (<c>org:admin</c>).</summary>
    public const string OrganizationRole = "org_role";

    /// <summary>One claim per organization permission, <c>org:</c>-prefixed (<c>org:invoices:read</c>), from v1 and v2 tokens alike.</summary>
    public const string OrganizationPermission = "org_permission";

    /// <summary>One claim per feature entitlement as the token writes it (<c>o:reports</c>, <c>u:export</c>).</summary>
    public const string Feature = "fea";

    /// <summary>One claim per plan as the token writes it (<c>u:pro</c>, <c>o:business</c>).</summary>
    public const string Plan = "pla";

    /// <summary>The impersonator's user id (<c>act.sub</c>) when the session is an impersonation.</summary>
    public const string ActorId = "act_sub";

    /// <summary>What kind of token authenticated the request: <c>session_token</c>, <c>api_key</c>, <c>m2m_token</c> or <c>oauth_token</c>.</summary>
    public const string TokenType = "clerk_token_type";

    /// <summary>One claim per scope a machine token was granted.</summary>
    public const string Scope = "scope";
}
