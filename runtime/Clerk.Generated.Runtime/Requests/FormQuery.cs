using System.Text;

namespace Clerk.Generated.Requests;

/// <summary>
/// A query string as browsers and Clerk's SDKs see it (WHATWG <c>application/x-www-form-urlencoded</c>): ordered
/// name/value pairs, <c>+</c> for space, and every byte outside <c>*-._</c> and ASCII letters and digits percent-encoded
/// when written back. Redirects built from a request URL re-serialize its query this way, as Clerk's do.
/// </summary>
internal sealed class FormQuery
{
    private readonly List<KeyValuePair<string, string>> _pairs;

    private FormQuery(List<KeyValuePair<string, string>> pairs) => _pairs = pairs;

    public static FormQuery Empty() => new([]);

    /// <summary>Parses a query (with or without its leading <c>?</c>).</summary>
    public static FormQuery Parse(string? query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(query))
        {
            return new FormQuery(pairs);
        }

        var text = query[0] == '?' ? query.AsSpan(1) : query.AsSpan();
        foreach (var range in text.Split('&'))
        {
            var sequence = text[range];
            if (sequence.IsEmpty)
            {
                continue;
            }

            var equals = sequence.IndexOf('=');
            var name = equals < 0 ? sequence : sequence[..equals];
            var value = equals < 0 ? [] : sequence[(equals + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }

        return new FormQuery(pairs);
    }

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    /// <summary>Whether any change was requested; a URL's query is then written back from the pairs, as browsers do.</summary>
    public bool Changed { get; private set; }

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public string? Get(string name)
    {
        foreach (var pair in _pairs)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    public bool Has(string name) => Get(name) is not null;

    public void Append(string name, string value)
    {
        Changed = true;
        _pairs.Add(new(name, value));
    }

    public void Delete(string name)
    {
        Changed = true;
        _pairs.RemoveAll(p => p.Key == name);
    }

    /// <summary>Replaces the first <paramref name="name"/> with <paramref name="value"/> and drops the others (or appends).</summary>
    public void Set(string name, string value)
    {
        Changed = true;
        var index = _pairs.FindIndex(p => p.Key == name);
        if (index < 0)
        {
            _pairs.Add(new(name, value));
            return;
        }

        _pairs[index] = new(name, value);
        for (var i = _pairs.Count - 1; i > index; i--)
        {
            if (_pairs[i].Key == name)
            {
                _pairs.RemoveAt(i);
            }
        }
    }

    /// <summary>The serialized pairs, without a leading <c>?</c>; empty when there are none.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in _pairs)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            Encode(builder, name);
            builder.Append('=');
            Encode(builder, value);
        }

        return builder.ToString();
    }

    private static string Decode(ReadOnlySpan<char> text)
    {
        if (!text.ContainsAny('+', '%'))
        {
            return text.ToString();
        }

        // '+' and '%' are ASCII, so decoding on the UTF-8 bytes keeps every other character intact.
        var input = Encoding.UTF8.GetBytes(text.ToString());
        var output = new byte[input.Length];
        var length = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var b = input[i];
            if (b == '+')
            {
                output[length++] = (byte)' ';
            }
            else if (b == '%' && i + 2 < input.Length && IsHex((char)input[i + 1]) && IsHex((char)input[i + 2]))
            {
                output[length++] = (byte)((HexValue((char)input[i + 1]) << 4) | HexValue((char)input[i + 2]));
                i += 2;
            }
            else
            {
                output[length++] = b;
            }
        }

        return Encoding.UTF8.GetString(output, 0, length);
    }

    private static void Encode(StringBuilder builder, string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b == ' ')
            {
                builder.Append('+');
            }
            else if (b is (byte)'*' or (byte)'-' or (byte)'.' or (byte)'_' || b is >= (byte)'0' and <= (byte)'9' || b is >= (byte)'A' and <= (byte)'Z' || b is >= (byte)'a' and <= (byte)'z')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexUpper[b >> 4]).Append(HexUpper[b & 0xF]);
            }
        }
    }

    private const string HexUpper = "0123456789ABCDEF";

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
