using System.Buffers;
using System.Text.Json;

namespace Clerk.Generated.Json;

/// <summary>
/// Checks that JSON strings unescape to well-formed UTF-16. <see cref="Utf8JsonReader"/> accepts any <c>\uXXXX</c>
/// escape while reading, but its string accessors (<c>GetString</c>, <c>CopyString</c>, <c>ValueTextEquals</c>)
/// and <see cref="JsonElement"/>'s throw <see cref="InvalidOperationException"/> on a lone or swapped surrogate
/// escape (<c>"\udc00"</c>). Every reader of untrusted JSON checks each escaped string once, up front, so no
/// accessor used later can throw.
/// </summary>
internal static class JsonStringEscapes
{
    /// <summary>Whether the current <c>String</c> or <c>PropertyName</c> token unescapes to well-formed UTF-16.</summary>
    public static bool IsWellFormed(ref readonly Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return true;
        }

        return reader.HasValueSequence
            ? IsWellFormed(reader.ValueSequence.ToArray())
            : IsWellFormed(reader.ValueSpan);
    }

    /// <summary>
    /// Whether the raw (still escaped) text of a string the reader accepted unescapes to well-formed UTF-16: every
    /// high surrogate escape is followed by a low surrogate escape, and no low surrogate escape stands alone.
    /// </summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> raw)
    {
        var awaitingLowSurrogate = false;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                if (awaitingLowSurrogate)
                {
                    return false;
                }

                continue;
            }

            // The reader has already checked the escape's syntax: one of "\/bfnrtu, and four hex digits after u.
            if (raw[i + 1] != (byte)'u')
            {
                if (awaitingLowSurrogate)
                {
                    return false;
                }

                i++;
                continue;
            }

            var unit = (char)((Hex(raw[i + 2]) << 12) | (Hex(raw[i + 3]) << 8) | (Hex(raw[i + 4]) << 4) | Hex(raw[i + 5]));
            i += 5;
            if (char.IsHighSurrogate(unit))
            {
                if (awaitingLowSurrogate)
                {
                    return false;
                }

                awaitingLowSurrogate = true;
            }
            else if (char.IsLowSurrogate(unit))
            {
                if (!awaitingLowSurrogate)
                {
                    return false;
                }

                awaitingLowSurrogate = false;
            }
            else if (awaitingLowSurrogate)
            {
                return false;
            }
        }

        return !awaitingLowSurrogate;
    }

    /// <summary>
    /// Skips the value the reader is on (after a property name's value was read, or at the root), checking every
    /// string and member name inside it. Returns false at the first ill-formed one. Throws <see cref="JsonException"/>
    /// on malformed JSON, as <see cref="Utf8JsonReader.Skip"/> does.
    /// </summary>
    public static bool TrySkipValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return reader.TokenType != JsonTokenType.String || IsWellFormed(ref reader);
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !IsWellFormed(ref reader))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a whole JSON document has only strings that can become .NET strings: valid UTF-8 (the reader checks
    /// bytes outside strings itself, not inside them) and well-formed escapes.
    /// </summary>
    /// <remarks>Throws <see cref="JsonException"/> when the text is not JSON within the reader's options.</remarks>
    public static bool HasOnlyWellFormedStrings(Utf8JsonReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
                && (!IsValidUtf8(ref reader) || !IsWellFormed(ref reader)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidUtf8(ref readonly Utf8JsonReader reader) =>
        reader.HasValueSequence
            ? System.Text.Unicode.Utf8.IsValid(reader.ValueSequence.ToArray())
            : System.Text.Unicode.Utf8.IsValid(reader.ValueSpan);

    private static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => b - 'A' + 10,
    };
}
