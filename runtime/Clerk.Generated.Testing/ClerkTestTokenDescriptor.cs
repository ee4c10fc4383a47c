using System.Text.Json.Nodes;
using Clerk.Generated.Tokens;

namespace Clerk.Generated.Testing;

/// <summary>
/// Everything a minted test session token says. Defaults describe a plain active session that is valid for one
/// minute from the minting clock's "now". Set a property to null to leave its claim out.
/// </summary>
public sealed record ClerkTestTokenDescriptor
{
    /// <summary>The <c>sub</c> claim.</summary>
    public string? Subject { get; init; } = "user_2testSubject000000000000";

    /// <summary>The <c>sid</c> claim.</summary>
    public string? SessionId { get; init; } = "sess_2testSession000000000000";

    /// <summary>The <c>iss</c> claim (your frontend API URL).</summary>
    public string? Issuer { get; init; } = "https://clerk.test.local";

    /// <summary>The <c>azp</c> claim.</summary>
    public string? AuthorizedParty { get; init; } = "http://localhost:3000";

    /// <summary>The <c>iat</c> claim; the minting clock's now when null and <see cref="OmitIssuedAt"/> is false.</summary>
    public DateTimeOffset? IssuedAt { get; init; }

    /// <summary>Leave <c>iat</c> out.</summary>
    public bool OmitIssuedAt { get; init; }

    /// <summary>The <c>nbf</c> claim; <c>iat</c> minus 10 seconds (as Clerk mints) when null and <see cref="OmitNotBefore"/> is false.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Leave <c>nbf</c> out.</summary>
    public bool OmitNotBefore { get; init; }

    /// <summary>The <c>exp</c> claim; <c>iat</c> plus <see cref="Lifetime"/> when null and <see cref="OmitExpiresAt"/> is false.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Leave <c>exp</c> out.</summary>
    public bool OmitExpiresAt { get; init; }

    /// <summary>How long the token lives when <see cref="ExpiresAt"/> is not set. Default 60 seconds, as Clerk's.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The <c>jti</c> claim; random when null and <see cref="OmitTokenId"/> is false.</summary>
    public string? TokenId { get; init; }

    /// <summary>Leave <c>jti</c> out.</summary>
    public bool OmitTokenId { get; init; }

    /// <summary>The <c>sts</c> claim (<c>active</c>, <c>pending</c>), or null.</summary>
    public string? SessionStatus { get; init; } = "active";

    /// <summary>The <c>fva</c> claim, or null.</summary>
    public FactorVerificationAge? FactorVerificationAge { get; init; }

    /// <summary>The <c>act</c> claim (impersonation), or null.</summary>
    public ClerkActor? Actor { get; init; }

    /// <summary>The claims format: 1 (<c>org_*</c> claims) or 2 (<c>v: 2</c>, <c>o</c>, <c>fea</c>, <c>pla</c>).</summary>
    public int Version { get; init; } = 2;

    /// <summary>The active organization, or null for none.</summary>
    public ClerkTestOrganization? Organization { get; init; }

    /// <summary>Feature entitlements written to <c>fea</c> as <c>scope:name</c> (v2). Organization permissions add theirs.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Plans written to <c>pla</c> as <c>scope:name</c>.</summary>
    public IReadOnlyList<string>? Plans { get; init; }

    /// <summary>Custom claims added to the payload as-is (they override nothing: standard claims are written first).</summary>
    public JsonObject? AdditionalClaims { get; init; }

    /// <summary>The header <c>kid</c>; the signing key's id when null and <see cref="OmitKeyId"/> is false.</summary>
    public string? KeyId { get; init; }

    /// <summary>Leave <c>kid</c> out of the header.</summary>
    public bool OmitKeyId { get; init; }

    /// <summary>The header <c>alg</c>. The token is always RS256-signed; change this only to test rejections.</summary>
    public string Algorithm { get; init; } = "RS256";

    /// <summary>The header <c>typ</c>, or null to leave it out.</summary>
    public string? Type { get; init; } = "JWT";

    /// <summary>The header <c>cat</c>, or null to leave it out. Clerk session tokens carry <c>cl_B7d4PD111AAA</c>.</summary>
    public string? Category { get; init; } = "cl_B7d4PD111AAA";
}
