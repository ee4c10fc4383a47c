using System.Text;

namespace Clerk.Generated.Requests;

/// <summary>JavaScript's <c>decodeURIComponent</c>: fails on a malformed escape or bytes that are not UTF-8.</summary>
internal static class UriComponent
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(string value, out string decoded)
    {
        decoded = value;
        var builder = new StringBuilder(value.Length);
        var bytes = new List<byte>();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '%')
            {
                if (!Flush(bytes, builder))
                {
                    return false;
                }

                builder.Append(value[i]);
                continue;
            }

            if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
            {
                return false;
            }

            bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
            i += 2;
        }

        if (!Flush(bytes, builder))
        {
            return false;
        }

        decoded = builder.ToString();
        return true;
    }

    private static bool Flush(List<byte> bytes, StringBuilder builder)
    {
        if (bytes.Count == 0)
        {
            return true;
        }

        try
        {
            builder.Append(StrictUtf8.GetString(bytes.ToArray()));
            bytes.Clear();
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
