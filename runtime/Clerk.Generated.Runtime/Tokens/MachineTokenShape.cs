using System.Buffers;

namespace Clerk.Generated.Tokens;

/// <summary>
/// What a Clerk machine token looks like, checked locally before any Backend API call: the prefix, then 16 to 256
/// characters from the type's alphabet. API keys carry standard base64 (<c>ak_LCWGdaM8mv8K4PC/57II…=</c> in
/// @clerk/backend's fixtures); M2M and OAuth tokens carry letters and digits (<c>mt_8XOIucKvqHVr5tYP…</c>), with
/// <c>-</c> and <c>_</c> allowed in case Clerk moves to base64url. Anything else cannot be a token Clerk issued, so
/// it is refused without spending a call on it.
/// </summary>
public static class MachineTokenShape
{
    /// <summary>The fewest characters after the prefix.</summary>
    public const int MinBodyLength = 16;

    /// <summary>The most characters after the prefix.</summary>
    public const int MaxBodyLength = 256;

    private static readonly SearchValues<char> ApiKeyAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_");

    private static readonly SearchValues<char> OpaqueTokenAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Whether <paramref name="token"/> has the shape of a <paramref name="tokenType"/> Clerk could have issued.</summary>
    public static bool IsWellShaped(ReadOnlySpan<char> token, ClerkTokenTypes tokenType)
    {
        var (prefix, alphabet) = tokenType switch
        {
            ClerkTokenTypes.ApiKey => (MachineTokenPrefixes.ApiKey, ApiKeyAlphabet),
            ClerkTokenTypes.M2MToken => (MachineTokenPrefixes.M2MToken, OpaqueTokenAlphabet),
            ClerkTokenTypes.OAuthToken => (MachineTokenPrefixes.OAuthToken, OpaqueTokenAlphabet),
            _ => (null, null),
        };
        if (prefix is null || !token.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var body = token[prefix.Length..];
        return body.Length is >= MinBodyLength and <= MaxBodyLength && !body.ContainsAnyExcept(alphabet!);
    }
}
