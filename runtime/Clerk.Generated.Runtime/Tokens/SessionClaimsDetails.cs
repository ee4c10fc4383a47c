using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Clerk.Generated.Tokens;

/// <summary>
/// The claims a validated token exposes beyond the ones validation checks: read lazily, once, from the payload.
/// Malformed optional claims read as absent, so every authorization check built on them fails closed.
/// </summary>
internal sealed class SessionClaimsDetails
{
    private SessionClaimsDetails(JsonElement claims)
    {
        Claims = claims;
        Version = claims.TryGetProperty("v", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var version)
            ? version
            : 1;
        Features = ScopedEntitlements.Split(GetString(claims, "fea"));
        Plans = ScopedEntitlements.Split(GetString(claims, "pla"));
        Actor = ReadActor(claims);
        FactorVerificationAge = ReadFactorVerificationAge(claims);
        Organization = Version == 2 ? ReadVersion2Organization(claims, Features) : ReadVersion1Organization(claims);
    }

    public JsonElement Claims { get; }

    public int Version { get; }

    public string[] Features { get; }

    public string[] Plans { get; }

    public ClerkActor? Actor { get; }

    public FactorVerificationAge? FactorVerificationAge { get; }

    public ActiveOrganization? Organization { get; }

    public static SessionClaimsDetails Read(byte[] payload)
    {
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = SessionClaimsReader.MaxDepth });
        return new SessionClaimsDetails(JsonElement.ParseValue(ref reader));
    }

    private static string? GetString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ClerkActor? ReadActor(JsonElement claims)
    {
        if (!claims.TryGetProperty("act", out var act) || act.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var subject = GetString(act, "sub");
        return string.IsNullOrEmpty(subject)
            ? null
            : new ClerkActor(subject, GetString(act, "iss"), GetString(act, "sid"), GetString(act, "type"));
    }

    private static FactorVerificationAge? ReadFactorVerificationAge(JsonElement claims)
    {
        if (!claims.TryGetProperty("fva", out var fva)
            || fva.ValueKind != JsonValueKind.Array
            || fva.GetArrayLength() != 2
            || !TryGetFactorAge(fva[0], out var first)
            || !TryGetFactorAge(fva[1], out var second))
        {
            return null;
        }

        return new FactorVerificationAge(first, second);
    }

    private static bool TryGetFactorAge(JsonElement element, out int minutes)
    {
        minutes = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out minutes) && minutes >= -1;
    }

    private static ActiveOrganization? ReadVersion1Organization(JsonElement claims)
    {
        var id = GetString(claims, "org_id");
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        List<string>? permissions = null;
        if (claims.TryGetProperty("org_permissions", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            permissions = [];
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } permission)
                {
                    permissions.Add(permission);
                }
            }
        }

        return new ActiveOrganization(id, GetString(claims, "org_slug"), GetString(claims, "org_role"), permissions);
    }

    private static ActiveOrganization? ReadVersion2Organization(JsonElement claims, string[] features)
    {
        if (!claims.TryGetProperty("o", out var o) || o.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var id = GetString(o, "id");
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var role = GetString(o, "rol");
        return new ActiveOrganization(
            id,
            GetString(o, "slg"),
            string.IsNullOrEmpty(role) ? null : "org:" + role,
            ExpandPermissions(features, GetString(o, "per"), GetString(o, "fpm")));
    }

    /// <summary>
    /// v2 permissions: <c>per</c> names the permissions, <c>fpm</c> holds one decimal bitmask per organization-scoped
    /// feature of <c>fea</c> (in order); bit i of a feature's mask grants <c>org:&lt;feature&gt;:&lt;per[i]&gt;</c>.
    /// Masks can exceed 53 bits, hence <see cref="BigInteger"/>.
    /// </summary>
    private static List<string> ExpandPermissions(string[] features, string? per, string? fpm)
    {
        var granted = new List<string>();
        if (string.IsNullOrEmpty(per) || string.IsNullOrEmpty(fpm))
        {
            return granted;
        }

        var permissions = per.Split(',', StringSplitOptions.TrimEntries);
        var masks = fpm.Split(',', StringSplitOptions.TrimEntries);
        var organizationFeatures = ScopedEntitlements.OrganizationScoped(features);
        for (var featureIndex = 0; featureIndex < organizationFeatures.Count && featureIndex < masks.Length; featureIndex++)
        {
            if (!TryParseMask(masks[featureIndex], out var mask))
            {
                continue;
            }

            for (var bit = 0; bit < permissions.Length && !mask.IsZero; bit++, mask >>= 1)
            {
                if (!mask.IsEven)
                {
                    granted.Add($"org:{organizationFeatures[featureIndex]}:{permissions[bit]}");
                }
            }
        }

        return granted;
    }

    private static bool TryParseMask(string text, out BigInteger mask)
    {
        mask = BigInteger.Zero;
        if (text.Length == 0 || text.Length > 4096)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out mask);
    }
}
