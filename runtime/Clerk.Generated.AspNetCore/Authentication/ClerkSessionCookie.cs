using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Clerk.Generated.Authentication;

/// <summary>Names Clerk's session cookies.</summary>
public static class ClerkSessionCookie
{
    /// <summary>
    /// The suffix Clerk's frontend appends to <c>__session</c> for a publishable key: the first 8 characters of the
    /// URL-safe base64 of the key's SHA-1 (as <c>getCookieSuffix</c> in <c>@clerk/shared</c>). Not a secret: the
    /// publishable key is public.
    /// </summary>
    public static string GetSuffix(string publishableKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(publishableKey);
        Span<byte> digest = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(Encoding.UTF8.GetBytes(publishableKey), digest);
        // Base64 with + and / replaced, padding kept: only the first 8 characters are used, which never hold padding.
        return Base64Url.EncodeToString(digest)[..8];
    }

    /// <summary>The suffixed cookie name, <c>__session_&lt;suffix&gt;</c>.</summary>
    public static string GetSuffixedName(string suffix) => ClerkAuthenticationDefaults.SessionCookieName + "_" + suffix;
}
