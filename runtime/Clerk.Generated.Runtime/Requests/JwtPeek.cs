using System.Buffers.Text;
using System.Text.Json;

namespace Clerk.Generated.Requests;

/// <summary>
/// An unverified look at a JWT's header and payload, for routing decisions taken before verification (which cookie
/// set is current, whether the token predates <c>__client_uat</c>, whether it is a machine token). Nothing read here
/// is trusted: every token that signs a request in is verified by <see cref="Tokens.ClerkTokenValidator"/>.
/// </summary>
internal readonly struct JwtPeek
{
    private const string SessionCategory = "cl_B7d4PD111AAA";
    private const string IgnoredCategory = "cl_I7d4PD111III";
    private const string MachineSubjectPrefix = "mch_";
    private const int MaxPeekLength = 16 * 1024;

    private JwtPeek(string? type, bool nonSessionCategory, string? subject, string? issuer, bool issuerTruthy, double? issuedAt, double? notBefore, double? expiresAt, bool isCompact)
    {
        IsDecoded = true;
        Type = type;
        HasNonSessionCategory = nonSessionCategory;
        Subject = subject;
        Issuer = issuer;
        HasIssuer = issuerTruthy;
        IssuedAt = issuedAt;
        NotBefore = notBefore;
        ExpiresAt = expiresAt;
        IsCompactFormat = isCompact;
    }

    /// <summary>Three dot-separated parts whose header and payload are base64url JSON.</summary>
    public bool IsDecoded { get; }

    /// <summary>Each part non-empty and made only of base64url characters.</summary>
    public bool IsCompactFormat { get; }

    public string? Type { get; }

    /// <summary>The header carries a <c>cat</c> other than the session (or ignored) category.</summary>
    public bool HasNonSessionCategory { get; }

    public string? Subject { get; }

    public string? Issuer { get; }

    /// <summary>The payload's <c>iss</c> is present and not empty, zero, false or null.</summary>
    public bool HasIssuer { get; }

    public double? IssuedAt { get; }

    public double? NotBefore { get; }

    public double? ExpiresAt { get; }

    /// <summary>An OAuth access token JWT (<c>typ</c> <c>at+jwt</c>).</summary>
    public bool IsOAuthJwt => IsDecoded && IsCompactFormat && Type is "at+jwt" or "application/at+jwt";

    /// <summary>An M2M token JWT (<c>sub</c> starting with <c>mch_</c>).</summary>
    public bool IsM2MJwt => IsDecoded && IsCompactFormat && Subject?.StartsWith(MachineSubjectPrefix, StringComparison.Ordinal) == true;

    public bool IsMachineJwt => IsOAuthJwt || IsM2MJwt;

    public static JwtPeek Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxPeekLength)
        {
            return default;
        }

        var parts = token.Split('.');
        if (parts.Length != 3
            || !TryParseJson(parts[0], out var header)
            || !TryParseJson(parts[1], out var payload))
        {
            return default;
        }

        using (header)
        using (payload)
        {
            if (!IsBase64Url(parts[2].TrimEnd('=')))
            {
                return default;
            }

            var h = header.RootElement;
            var p = payload.RootElement;
            var type = StringMember(h, "typ");
            var nonSession = h.ValueKind == JsonValueKind.Object
                && h.TryGetProperty("cat", out var cat)
                && !(cat.ValueKind == JsonValueKind.String && cat.GetString() is SessionCategory or IgnoredCategory);
            var issuerTruthy = p.ValueKind == JsonValueKind.Object && p.TryGetProperty("iss", out var iss) && IsTruthy(iss);
            var compact = parts.All(part => part.Length > 0 && IsBase64Url(part));
            return new JwtPeek(type, nonSession, StringMember(p, "sub"), StringMember(p, "iss"), issuerTruthy, NumberMember(p, "iat"), NumberMember(p, "nbf"), NumberMember(p, "exp"), compact);
        }
    }

    internal static bool TryParseJson(string part, out JsonDocument document)
    {
        document = null!;
        var trimmed = part.TrimEnd('=');
        if (!IsBase64Url(trimmed))
        {
            return false;
        }

        var bytes = new byte[Base64Url.GetMaxDecodedLength(trimmed.Length)];
        if (Base64Url.DecodeFromChars(trimmed, bytes, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        try
        {
            document = JsonDocument.Parse(bytes.AsMemory(0, written), new JsonDocumentOptions { MaxDepth = 64 });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static bool IsBase64Url(string text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static string? StringMember(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static double? NumberMember(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;

    private static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Number => value.GetDouble() != 0,
        JsonValueKind.True or JsonValueKind.Object or JsonValueKind.Array => true,
        _ => false,
    };
}
