using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.Authentication;

/// <summary>
/// Finds the token of a request: <c>Authorization: Bearer</c> first; then, when cookies are enabled, the suffixed
/// <c>__session_&lt;suffix&gt;</c> cookie and the plain <c>__session</c> cookie. A header with another scheme
/// (<c>Basic</c>, say) or an empty bearer value is not a Clerk token and does not hide the cookie.
/// </summary>
internal static class ClerkRequestToken
{
    private const string BearerPrefix = "Bearer ";

    public static string? Find(HttpRequest request, bool readCookie, string? suffixedCookieName, out ClerkTokenSource source)
    {
        // The typed property: Kestrel answers it from its known-header field, without a lookup by name.
        foreach (var header in request.Headers.Authorization)
        {
            if (header is not null
                && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
                && header.AsSpan(BearerPrefix.Length).Trim() is { Length: > 0 } value)
            {
                source = ClerkTokenSource.AuthorizationHeader;
                return value.Length == header.Length - BearerPrefix.Length ? BearerTokenMemo.Slice(header, BearerPrefix.Length) : value.ToString();
            }
        }

        if (readCookie)
        {
            var cookies = request.Cookies;
            if ((suffixedCookieName is not null && cookies[suffixedCookieName] is { Length: > 0 } suffixed))
            {
                source = ClerkTokenSource.SessionCookie;
                return suffixed;
            }

            if (cookies[ClerkAuthenticationDefaults.SessionCookieName] is { Length: > 0 } plain)
            {
                source = ClerkTokenSource.SessionCookie;
                return plain;
            }
        }

        source = ClerkTokenSource.None;
        return null;
    }
}
