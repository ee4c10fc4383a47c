namespace Clerk.Generated.Tokens;

/// <summary>
/// Reads Clerk's scoped entitlement lists (<c>fea</c>, <c>pla</c>: comma-separated <c>scope:name</c> with scope
/// <c>u</c>, <c>o</c>, <c>uo</c> or <c>ou</c>) the way @clerk/shared's <c>checkForFeatureOrPlan</c> does.
/// </summary>
internal static class ScopedEntitlements
{
    public static string[] Split(string? claim)
    {
        if (string.IsNullOrEmpty(claim))
        {
            return [];
        }

        return claim.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Names of the organization-scoped entries, in claim order (the order <c>fpm</c> masks follow).</summary>
    public static List<string> OrganizationScoped(IReadOnlyList<string> entries)
    {
        var names = new List<string>(entries.Count);
        foreach (var entry in entries)
        {
            if (TrySplit(entry, out var scope, out var name) && IsOrganizationScope(scope))
            {
                names.Add(name);
            }
        }

        return names;
    }

    public static bool Contains(IReadOnlyList<string> entries, string? wanted)
    {
        if (string.IsNullOrEmpty(wanted) || entries.Count == 0)
        {
            return false;
        }

        string id;
        bool? wantOrganization = null;
        var colon = wanted.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            id = wanted;
        }
        else
        {
            var scope = wanted.AsSpan(0, colon);
            if (scope is "o" or "org" or "organization")
            {
                wantOrganization = true;
            }
            else if (scope is "u" or "user")
            {
                wantOrganization = false;
            }
            else
            {
                return false;
            }

            // Like Clerk, only the part up to the next colon names the entitlement.
            var rest = wanted.AsSpan(colon + 1);
            var next = rest.IndexOf(':');
            id = (next < 0 ? rest : rest[..next]).ToString();
            if (id.Length == 0)
            {
                return false;
            }
        }

        foreach (var entry in entries)
        {
            if (!TrySplit(entry, out var scope, out var name) || !string.Equals(name, id, StringComparison.Ordinal))
            {
                continue;
            }

            var matches = wantOrganization switch
            {
                true => IsOrganizationScope(scope),
                false => IsUserScope(scope),
                null => IsOrganizationScope(scope) || IsUserScope(scope),
            };
            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOrganizationScope(string scope) => scope is "o" or "ou" or "uo";

    private static bool IsUserScope(string scope) => scope is "u" or "ou" or "uo";

    private static bool TrySplit(string entry, out string scope, out string name)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            scope = name = string.Empty;
            return false;
        }

        scope = entry[..colon];
        name = entry[(colon + 1)..];
        return true;
    }
}
