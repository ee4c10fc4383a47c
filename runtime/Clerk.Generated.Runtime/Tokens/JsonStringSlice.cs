using System.Text;
using System.Text.Json;

namespace Clerk.Generated.Tokens;

/// <summary>
/// Where a JSON string value sits inside a UTF-8 buffer (between its quotes), so claims can be compared as bytes
/// during validation and turned into .NET strings only when someone reads them.
/// </summary>
internal readonly record struct JsonStringSlice(int Start, int Length, bool IsEscaped)
{
    public bool IsPresent => Start > 0;

    public static JsonStringSlice From(ref Utf8JsonReader reader) =>
        // TokenStartIndex points at the opening quote; the value starts one byte later.
        new(checked((int)reader.TokenStartIndex + 1), reader.HasValueSequence ? 0 : reader.ValueSpan.Length, reader.ValueIsEscaped);

    public string? Materialize(ReadOnlySpan<byte> json)
    {
        if (!IsPresent)
        {
            return null;
        }

        if (!IsEscaped)
        {
            return Encoding.UTF8.GetString(json.Slice(Start, Length));
        }

        // Re-read the quoted value so the reader performs the unescaping.
        var reader = new Utf8JsonReader(json.Slice(Start - 1, Length + 2));
        reader.Read();
        return reader.GetString();
    }

    public bool ValueEquals(ReadOnlySpan<byte> json, ReadOnlySpan<byte> utf8, string value)
    {
        if (!IsPresent)
        {
            return false;
        }

        return IsEscaped
            ? string.Equals(Materialize(json), value, StringComparison.Ordinal)
            : json.Slice(Start, Length).SequenceEqual(utf8);
    }
}
