using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Clerk.Generated.Tokens.Jwks;

namespace Clerk.Generated.Tokens;

/// <summary>
/// A validated Clerk session token. The claims validation needed were read once; everything else (organization,
/// actor, features, custom claims) is read from the payload on first access, so validating stays cheap.
/// </summary>
public sealed class ClerkJwt
{
    private readonly byte[] _payload;
    private readonly SessionClaimsSummary _summary;
    private string? _subject;
    private string? _sessionId;
    private string? _issuer;
    private string? _authorizedParty;
    private string? _tokenId;
    private string? _sessionStatus;
    private SessionClaimsDetails? _details;

    internal ClerkJwt(ClerkSigningKey signingKey, byte[] payload, in SessionClaimsSummary summary)
    {
        SigningKey = signingKey;
        _payload = payload;
        _summary = summary;
    }

    /// <summary>The id of the key that verified the token (its <c>kid</c>; <c>local</c> for a PEM key).</summary>
    public string KeyId => SigningKey.KeyId;

    /// <summary>The user id (<c>sub</c>, <c>user_…</c>).</summary>
    public string Subject => _subject ??= _summary.Subject.Materialize(_payload)!;

    /// <summary>The session id (<c>sid</c>, <c>sess_…</c>), when present.</summary>
    public string? SessionId => _sessionId ??= _summary.SessionId.Materialize(_payload);

    /// <summary>The issuer (<c>iss</c>): your instance's frontend API URL.</summary>
    public string? Issuer => _issuer ??= _summary.Issuer.Materialize(_payload);

    /// <summary>The authorized party (<c>azp</c>): the origin the token was minted for, when present.</summary>
    public string? AuthorizedParty => _authorizedParty ??= _summary.AuthorizedParty.Materialize(_payload);

    /// <summary>The token id (<c>jti</c>), when present.</summary>
    public string? TokenId => _tokenId ??= _summary.TokenId.Materialize(_payload);

    /// <summary>The session status (<c>sts</c>: <c>active</c> or <c>pending</c>), when present.</summary>
    public string? SessionStatus => _sessionStatus ??= _summary.SessionStatus.Materialize(_payload);

    /// <summary>When the token was issued (<c>iat</c>), when present.</summary>
    public DateTimeOffset? IssuedAt => ToDate(_summary.IssuedAt);

    /// <summary>When the token starts being valid (<c>nbf</c>), when present.</summary>
    public DateTimeOffset? NotBefore => ToDate(_summary.NotBefore);

    /// <summary>When the token expires (<c>exp</c>).</summary>
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(_summary.ExpiresAt!.Value);

    /// <summary>The claims format version: 2 when the token says <c>"v": 2</c>, otherwise 1.</summary>
    public int Version => Details.Version;

    /// <summary>Minutes since each factor was verified (<c>fva</c>), when present and well-formed.</summary>
    public FactorVerificationAge? FactorVerificationAge => Details.FactorVerificationAge;

    /// <summary>The impersonator (<c>act</c>) when this session is an impersonation, otherwise null.</summary>
    public ClerkActor? Actor => Details.Actor;

    /// <summary>The active organization, or null when the session has none (or its claims are malformed).</summary>
    public ActiveOrganization? Organization => Details.Organization;

    /// <summary>Feature entitlements from <c>fea</c> as written (<c>scope:feature</c>, scope <c>u</c>, <c>o</c>, <c>uo</c>, <c>ou</c>).</summary>
    public IReadOnlyList<string> Features => Details.Features;

    /// <summary>Plans from <c>pla</c> as written (<c>scope:plan</c>).</summary>
    public IReadOnlyList<string> Plans => Details.Plans;

    /// <summary>Every claim of the payload, including custom ones, as JSON.</summary>
    public JsonElement Claims => Details.Claims;

    /// <summary>Whether the token was minted for an impersonation (carries an <c>act</c> claim).</summary>
    public bool IsImpersonated => Actor is not null;

    /// <summary>Whether the member holds an organization permission (<c>org:invoices:read</c>). Fails closed.</summary>
    public bool HasPermission(string? permission) => Organization?.HasPermission(permission) ?? false;

    /// <summary>Whether the member has an organization role (<c>org:admin</c>). Fails closed.</summary>
    public bool HasRole(string? role) => Organization?.HasRole(role) ?? false;

    /// <summary>
    /// Whether the session is entitled to a feature: <c>feature</c> (user or organization), <c>user:feature</c>
    /// / <c>u:feature</c>, or <c>org:feature</c> / <c>o:feature</c>. Fails closed on unknown scopes.
    /// </summary>
    public bool HasFeature(string? feature) => ScopedEntitlements.Contains(Details.Features, feature);

    /// <summary>Whether the session has a plan, with the same scoping rules as <see cref="HasFeature"/>. Fails closed.</summary>
    public bool HasPlan(string? plan) => ScopedEntitlements.Contains(Details.Plans, plan);

    /// <summary>Whether a claim exists in the payload.</summary>
    public bool HasClaim(string name) => Claims.TryGetProperty(name, out _);

    /// <summary>Reads a claim as raw JSON.</summary>
    /// <returns>True when the claim exists.</returns>
    public bool TryGetClaim(string name, out JsonElement value) => Claims.TryGetProperty(name, out value);

    /// <summary>Reads a custom claim as <typeparamref name="T"/> through source-generated metadata.</summary>
    /// <returns>True when the claim exists and has the shape of <typeparamref name="T"/>.</returns>
    public bool TryGetClaim<T>(string name, JsonTypeInfo<T> typeInfo, out T? value)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        value = default;
        if (!Claims.TryGetProperty(name, out var element))
        {
            return false;
        }

        try
        {
            value = element.Deserialize(typeInfo);
            return true;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // The claim does not have the shape of T (or T cannot be read from JSON): absent, never an exception.
            return false;
        }
    }

    /// <summary>The decoded payload bytes (UTF-8 JSON), for callers that read claims with their own reader.</summary>
    public ReadOnlyMemory<byte> PayloadUtf8 => _payload;

    /// <summary>Names the session without printing any credential.</summary>
    public override string ToString() => $"ClerkJwt(sub={Subject}, sid={SessionId}, exp={ExpiresAt:O})";

    internal long ExpiresAtSeconds => _summary.ExpiresAt!.Value;

    internal ClerkSigningKey SigningKey { get; }

    private SessionClaimsDetails Details => _details ??= SessionClaimsDetails.Read(_payload);

    private static DateTimeOffset? ToDate(long? seconds) =>
        seconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
}
