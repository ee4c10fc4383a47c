using System.Text;
using System.Text.Json;
using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Tokens;

namespace Clerk.Generated.Requests;

/// <summary>
/// Verifies JWT-format machine tokens locally with the instance's signing keys, as Clerk's SDKs do: M2M tokens
/// (<c>sub</c> <c>mch_…</c>, category absent or M2M) and OAuth access tokens (<c>typ</c> <c>at+jwt</c>). RS256
/// signature, then <c>sub</c>, <c>exp</c>, <c>nbf</c> and <c>iat</c> with the clock skew; no <c>azp</c> or issuer
/// check (machine tokens carry neither).
/// </summary>
internal static class MachineJwt
{
    private const string M2MCategory = "cl_B7d4PD333AAA";
    private const int MaxTokenLength = 16 * 1024;

    public static async ValueTask<(ClerkMachineToken? Token, ClerkAuthReason Failure)> VerifyAsync(
        string token, ClerkTokenTypes type, IJwksProvider keys, long nowMilliseconds, long clockSkewMilliseconds, CancellationToken cancellationToken)
    {
        string[] parts = token.Length > MaxTokenLength ? [] : token.Split('.');
        if (parts.Length != 3 || !JwtPeek.TryParseJson(parts[0], out var header) || !JwtPeek.TryParseJson(parts[1], out var payload))
        {
            return (null, ClerkAuthReason.TokenInvalid);
        }

        using (header)
        using (payload)
        {
            var h = header.RootElement;
            var p = payload.RootElement;
            if (h.ValueKind != JsonValueKind.Object || p.ValueKind != JsonValueKind.Object)
            {
                return (null, ClerkAuthReason.TokenInvalid);
            }

            var typ = h.TryGetProperty("typ", out var t) ? t : default;
            if (type == ClerkTokenTypes.M2MToken)
            {
                if (h.TryGetProperty("cat", out var cat) && !(cat.ValueKind == JsonValueKind.String && cat.GetString() == M2MCategory))
                {
                    return (null, ClerkAuthReason.TokenInvalid);
                }

                if (typ.ValueKind != JsonValueKind.Undefined && !(typ.ValueKind == JsonValueKind.String && typ.GetString() == "JWT"))
                {
                    return (null, ClerkAuthReason.TokenVerificationFailed);
                }
            }
            else if (!(typ.ValueKind == JsonValueKind.String && typ.GetString() is "at+jwt" or "application/at+jwt"))
            {
                return (null, ClerkAuthReason.TokenVerificationFailed);
            }

            if (!(h.TryGetProperty("alg", out var alg) && alg.ValueKind == JsonValueKind.String && alg.GetString() == "RS256"))
            {
                return (null, ClerkAuthReason.TokenVerificationFailed);
            }

            var keyId = h.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String ? kid.GetString()! : string.Empty;
            var lookup = await keys.GetKeyAsync(keyId, cancellationToken).ConfigureAwait(false);
            if (lookup.Status != JwksKeyLookupStatus.Found
                || Rs256Signature.Verify(lookup.Key!, Encoding.ASCII.GetBytes(token[..token.LastIndexOf('.')]), parts[2]) != TokenRejectionReason.None)
            {
                return (null, ClerkAuthReason.TokenVerificationFailed);
            }

            if (!p.TryGetProperty("sub", out var sub) || sub.ValueKind != JsonValueKind.String
                || !p.TryGetProperty("exp", out var exp) || exp.ValueKind != JsonValueKind.Number
                || exp.GetDouble() * 1000 <= nowMilliseconds - clockSkewMilliseconds
                || (Number(p, "nbf") is { } nbf && nbf * 1000 > nowMilliseconds + clockSkewMilliseconds)
                || (Number(p, "iat") is { } iat && iat * 1000 > nowMilliseconds + clockSkewMilliseconds))
            {
                return (null, ClerkAuthReason.TokenVerificationFailed);
            }

            var subject = sub.GetString()!;
            var id = p.TryGetProperty("jti", out var jti) && jti.ValueKind == JsonValueKind.String && jti.GetString()!.Length > 0 ? jti.GetString()! : subject;
            var scopes = Scopes(p, type);
            var clientId = p.TryGetProperty("client_id", out var client) && client.ValueKind == JsonValueKind.String ? client.GetString() : null;
            var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds((long)(exp.GetDouble() * 1000));
            return (new ClerkMachineToken(type, id, subject, null, scopes, p.Clone(), expiresAt, clientId), ClerkAuthReason.None);
        }
    }

    private static double? Number(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    /// <summary>M2M: space-separated <c>scopes</c>; OAuth: <c>scp</c> array or space-separated <c>scope</c>.</summary>
    private static List<string> Scopes(JsonElement payload, ClerkTokenTypes type)
    {
        var name = type == ClerkTokenTypes.M2MToken ? "scopes" : "scope";
        if (type == ClerkTokenTypes.OAuthToken && payload.TryGetProperty("scp", out var scp) && scp.ValueKind == JsonValueKind.Array)
        {
            return scp.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).ToList();
        }

        return payload.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList()
            : [];
    }
}
