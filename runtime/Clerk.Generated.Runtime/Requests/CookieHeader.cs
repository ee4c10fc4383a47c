namespace Clerk.Generated.Requests;

/// <summary>
/// Reads a <c>Cookie</c> request header the way Clerk's SDKs do (the <c>cookie</c> package): pairs separated by
/// <c>;</c>, names and values trimmed of spaces and tabs, the first occurrence of a name wins, values with a
/// <c>%</c> are URI-decoded when they decode cleanly.
/// </summary>
internal static class CookieHeader
{
    public static Dictionary<string, string> Parse(string? header)
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        if (header is null || header.Length < 2)
        {
            return cookies;
        }

        var index = 0;
        var length = header.Length;
        while (index < length)
        {
            var equals = header.IndexOf('=', index);
            if (equals < 0)
            {
                break;
            }

            var end = header.IndexOf(';', index);
            if (end < 0)
            {
                end = length;
            }

            if (equals > end)
            {
                // A pair without '=': skip to the start of the segment holding the '='.
                index = header.LastIndexOf(';', equals - 1) + 1;
                continue;
            }

            var name = Trim(header, index, equals);
            if (!cookies.ContainsKey(name))
            {
                cookies[name] = Decode(Trim(header, equals + 1, end));
            }

            index = end + 1;
        }

        return cookies;
    }

    private static string Trim(string text, int start, int end)
    {
        while (start < end && text[start] is ' ' or '\t')
        {
            start++;
        }

        while (end > start && text[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return text[start..end];
    }

    private static string Decode(string value)
    {
        if (!value.Contains('%'))
        {
            return value;
        }

        return UriComponent.TryDecode(value, out var decoded) ? decoded : value;
    }
}
