using System.Text;
using System.Text.Json;
using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Tokens;

namespace Clerk.Generated.Requests;

/// <summary>
/// The cookie directives a returning handshake carries: in a <c>__clerk_handshake</c> JWT signed by the instance
/// key (signature checked, claims not: it is a carrier), or behind a <c>__clerk_handshake_nonce</c> that the Backend
/// API exchanges for them (<c>GET /v1/clients/handshake_payload</c>).
/// </summary>
internal static class HandshakePayload
{
    private const int MaxTokenLength = 64 * 1024;
    private const int MaxResponseBytes = 256 * 1024;
    private const string SessionCategory = "cl_B7d4PD111AAA";
    private const string IgnoredCategory = "cl_I7d4PD111III";

    /// <summary>The directives of a handshake token, or the verification reason it was refused for.</summary>
    public static async ValueTask<(IReadOnlyList<string>? Directives, ClerkAuthReason Failure)> VerifyTokenAsync(
        string token, IJwksProvider keys, CancellationToken cancellationToken)
    {
        string[] parts = token.Length > MaxTokenLength ? [] : token.Split('.');
        if (parts.Length != 3
            || !JwtPeek.TryParseJson(parts[0], out var header)
            || !JwtPeek.TryParseJson(parts[1], out var payload)
            || !JwtPeek.IsBase64Url(parts[2].TrimEnd('=')))
        {
            return (null, ClerkAuthReason.TokenInvalid);
        }

        using (header)
        using (payload)
        {
            var h = header.RootElement;
            if (h.ValueKind != JsonValueKind.Object)
            {
                return (null, ClerkAuthReason.TokenInvalidAlgorithm);
            }

            if (h.TryGetProperty("typ", out var typ) && !(typ.ValueKind == JsonValueKind.String && typ.GetString() == "JWT"))
            {
                return (null, ClerkAuthReason.TokenInvalid);
            }

            if (!h.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "RS256")
            {
                return (null, ClerkAuthReason.TokenInvalidAlgorithm);
            }

            if (h.TryGetProperty("cat", out var cat) && !(cat.ValueKind == JsonValueKind.String && cat.GetString() is SessionCategory or IgnoredCategory))
            {
                return (null, ClerkAuthReason.TokenInvalid);
            }

            var keyId = h.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String ? kid.GetString()! : string.Empty;
            var lookup = await keys.GetKeyAsync(keyId, cancellationToken).ConfigureAwait(false);
            if (lookup.Status != JwksKeyLookupStatus.Found)
            {
                return (null, lookup.Status == JwksKeyLookupStatus.Unavailable ? ClerkAuthReason.JwkFailedToLoad : ClerkAuthReason.JwkMissing);
            }

            var signingInput = Encoding.ASCII.GetBytes(token[..token.LastIndexOf('.')]);
            if (Rs256Signature.Verify(lookup.Key!, signingInput, parts[2]) != TokenRejectionReason.None)
            {
                return (null, ClerkAuthReason.TokenInvalidSignature);
            }

            return (ReadDirectives(payload.RootElement, "handshake"), ClerkAuthReason.None);
        }
    }

    /// <summary>Exchanges a nonce for the directives; none when the API fails (the request then continues without them).</summary>
    public static async ValueTask<IReadOnlyList<string>> FetchByNonceAsync(
        HttpClient httpClient, Uri apiUrl, string secretKey, string nonce, CancellationToken cancellationToken)
    {
        var url = new Uri(apiUrl, "v1/clients/handshake_payload?nonce=" + Uri.EscapeDataString(nonce));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new("Bearer", secretKey);
        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > MaxResponseBytes)
            {
                return [];
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (body.Length > MaxResponseBytes)
            {
                return [];
            }

            using var document = JsonDocument.Parse(body);
            return ReadDirectives(document.RootElement, "directives");
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return [];
        }
    }

    private static List<string> ReadDirectives(JsonElement root, string property)
    {
        var directives = new List<string>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    directives.Add(item.GetString()!);
                }
            }
        }

        return directives;
    }
}
