using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Clerk.Generated.Fuzzing;

/// <summary>
/// Builds hostile JSON from a grammar (seeded, so every run of a seed is the same): strings with lone, swapped and
/// paired surrogate escapes, invalid and short escapes, raw control characters and invalid UTF-8; every JSON number
/// form and invalid ones; duplicate and escaped member names; nesting past any depth limit; huge strings; and each
/// registered and Clerk claim with every wrong type. Shared by the token, ASP.NET Core and webhook fuzzers.
/// </summary>
internal sealed class HostileJson(int seed)
{
    public static readonly string[] RegisteredClaims = ["sub", "sid", "iss", "azp", "jti", "sts", "exp", "nbf", "iat"];

    public static readonly string[] ClerkClaims =
        ["v", "fea", "pla", "o", "act", "fva", "org_id", "org_slug", "org_role", "org_permissions", "nat", "sts"];

    public static readonly string[] HeaderMembers = ["alg", "kid", "typ", "cat", "crit"];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "42", "1.5", "-1.5", "1e10", "1E+2", "1e-7", "1.0", "0.0000001", "1e400", "-1e400",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "253402300799", "253402300800",
        "-62135596801", "18446744073709551616", "123456789012345678901234567890", "2147483648", "-2147483649",
        "01", ".5", "+1", "1.", "1e", "-", "NaN", "Infinity", "-Infinity", "0x10", "1_000", "1e+", "--1",
    ];

    private static readonly string[] Escapes =
    [
        "\\n", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r", "\\t", "\\u0000", "\\u0041", "\\u00e9", "\\u20ac",
        "\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\ud83d\\ude00", "\\ude00\\ud83d", "\\ud800\\ud800", "\\udc00\\udc00",
        "\\ud800x", "\\ud800\\n", "\\u12", "\\u", "\\x41", "\\U0041", "\\a", "\\", "\\uZZZZ", "\\u00", "\\ud800\\u0041",
    ];

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public int Next(int max) => _random.Next(max);

    public int Next(int min, int max) => _random.Next(min, max);

    public bool Chance(int percent) => _random.Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A JSON string literal (quotes included) from the string grammar; may be invalid on purpose.</summary>
    public void String(ByteWriter output, int maxLength = 24)
    {
        output.Append('"');
        var parts = _random.Next(0, 6);
        for (var i = 0; i < parts; i++)
        {
            switch (_random.Next(10))
            {
                case 0 or 1 or 2:
                    output.Append(Pick(Escapes));
                    break;
                case 3:
                    output.Append(Alphanumeric(_random.Next(1, maxLength)));
                    break;
                case 4:
                    output.Append(Pick(["é", "€", "😀", "\u2028"]));
                    break;
                case 5 when Chance(20):
                    output.AppendBytes(Pick<byte[]>([[0xC3], [0xED, 0xA0, 0x80], [0xFF], [0xC0, 0xAF], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80]]));
                    break;
                case 6 when Chance(10):
                    output.Append((char)_random.Next(0, 32));
                    break;
                case 7 when Chance(5):
                    output.Append(new string('x', _random.Next(1000, 6000)));
                    break;
                default:
                    output.Append(Alphanumeric(_random.Next(1, 8)));
                    break;
            }
        }

        if (!Chance(1))
        {
            output.Append('"');
        }
    }

    /// <summary>A member name: one of <paramref name="known"/>, an escaped spelling of one, or a grammar string.</summary>
    public void Name(ByteWriter output, IReadOnlyList<string> known)
    {
        switch (_random.Next(6))
        {
            case 0 or 1 or 2:
                output.Append('"').Append(Pick(known)).Append('"');
                break;
            case 3:
                output.Append('"').Append(EscapeSomeChars(Pick(known))).Append('"');
                break;
            default:
                String(output, 12);
                break;
        }
    }

    /// <summary>Any JSON value from the grammar, nested up to <paramref name="depth"/> more levels.</summary>
    public void Value(ByteWriter output, int depth, IReadOnlyList<string> names)
    {
        var kind = depth <= 0 ? _random.Next(4) : _random.Next(7);
        switch (kind)
        {
            case 0:
                String(output);
                break;
            case 1:
                output.Append(Pick(Numbers));
                break;
            case 2:
                output.Append(Pick(["true", "false", "null", "tru", "nul", "True"]));
                break;
            case 3:
                output.Append(Pick(["\"\"", "[]", "{}", "\"user_2abc\"", "\"org:admin\"", "\"u:a,o:b\"", "[1,2]", "[-1,-1]"]));
                break;
            case 4:
                Array(output, depth - 1, names);
                break;
            case 5:
                Object(output, depth - 1, names);
                break;
            default:
                Nested(output, _random.Next(20, 60));
                break;
        }
    }

    public void Array(ByteWriter output, int depth, IReadOnlyList<string> names)
    {
        output.Append('[');
        var count = _random.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                output.Append(Chance(2) ? ",," : ",");
            }

            Value(output, depth, names);
        }

        output.Append(Chance(2) ? "" : "]");
    }

    public void Object(ByteWriter output, int depth, IReadOnlyList<string> names)
    {
        output.Append('{');
        var count = _random.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                output.Append(',');
            }

            Name(output, names);
            output.Append(Chance(2) ? "" : ":");
            Value(output, depth, names);
        }

        output.Append(Chance(2) ? "" : "}");
    }

    /// <summary>Arrays and objects nested <paramref name="levels"/> deep (past the readers' depth limits).</summary>
    public void Nested(ByteWriter output, int levels)
    {
        var closers = new Stack<char>();
        for (var i = 0; i < levels; i++)
        {
            if (Chance(50))
            {
                output.Append('[');
                closers.Push(']');
            }
            else
            {
                output.Append("{\"a\":");
                closers.Push('}');
            }
        }

        output.Append('1');
        while (closers.Count > 0)
        {
            output.Append(closers.Pop());
        }
    }

    /// <summary>A value of the wrong type for <paramref name="claim"/>, or a malformed one of the right type.</summary>
    public void WrongValueFor(ByteWriter output, string claim)
    {
        switch (_random.Next(4))
        {
            case 0:
                output.Append(Pick(["\"1700000000\"", "[]", "{}", "null", "true", "1.5", "1e400", "-1", "\"\"", "[\"a\"]", "{\"id\":1}"]));
                break;
            case 1:
                output.Append(Pick(Numbers));
                break;
            case 2:
                String(output);
                break;
            default:
                Value(output, 3, claim is "o" or "act" ? ["id", "slg", "rol", "per", "fpm", "sub", "iss", "sid", "type", "id"] : RegisteredClaims);
                break;
        }
    }

    /// <summary>A plausible value for a Clerk claim, so deeper readers (organization, features) are reached too.</summary>
    public string PlausibleValueFor(string claim, long now) => claim switch
    {
        "sub" => "\"user_2abc\"",
        "sid" => "\"sess_2abc\"",
        "iss" => "\"https://clerk.example.com\"",
        "azp" => "\"https://app.example.com\"",
        "jti" => "\"jti_1\"",
        "sts" => Pick(["\"active\"", "\"pending\"", "\"p\\u0065nding\""]),
        "exp" => (now + 60).ToString(CultureInfo.InvariantCulture),
        "nbf" or "iat" => (now - 10).ToString(CultureInfo.InvariantCulture),
        "v" => Pick(["1", "2"]),
        "fea" => Pick(["\"u:a,o:b,uo:c\"", "\"o:reports,o:billing\"", "\"\""]),
        "pla" => "\"u:pro\"",
        "o" => Pick(["{\"id\":\"org_1\",\"slg\":\"acme\",\"rol\":\"admin\",\"per\":\"read,write\",\"fpm\":\"3,18446744073709551617\"}", "{\"id\":\"org_1\"}"]),
        "act" => "{\"sub\":\"user_admin\",\"sid\":\"sess_x\"}",
        "fva" => Pick(["[1,-1]", "[0,0]"]),
        "org_id" => "\"org_1\"",
        "org_slug" => "\"acme\"",
        "org_role" => "\"org:admin\"",
        "org_permissions" => "[\"org:a:read\",1,null]",
        _ => "\"x\"",
    };

    /// <summary>Base64url without padding, as compact JWS segments are written.</summary>
    public static string Segment(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    public string Alphanumeric(int length)
    {
        const string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(length, _random, static (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[random.Next(chars.Length)];
            }
        });
    }

    private string EscapeSomeChars(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            builder.Append(Chance(50) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.ToString();
    }
}

/// <summary>A growable byte buffer for JSON text that may hold invalid UTF-8 on purpose.</summary>
internal sealed class ByteWriter
{
    private readonly ArrayBufferWriter<byte> _bytes = new(256);

    public int Length => _bytes.WrittenCount;

    public ByteWriter Append(string text)
    {
        var span = _bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        _bytes.Advance(Encoding.UTF8.GetBytes(text, span));
        return this;
    }

    public ByteWriter Append(char c)
    {
        if (c < 0x80)
        {
            _bytes.GetSpan(1)[0] = (byte)c;
            _bytes.Advance(1);
            return this;
        }

        return Append(c.ToString());
    }

    public ByteWriter AppendBytes(byte[] bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _bytes.WrittenSpan.ToArray();
}
