using System.Text.Json;

namespace Clerk.Generated.Json;

/// <summary>
/// The values a generated open enum's spec names, in the order of its members: matched against the JSON string a
/// reader is on (as UTF-8, without decoding it) and against text.
/// </summary>
public sealed class ClerkJsonEnumValues
{
    private readonly string[] _values;
    private readonly byte[][] _utf8;

    /// <summary>Creates the table, in the order of the enum's members.</summary>
    /// <param name="values">The values as they appear on the wire.</param>
    public ClerkJsonEnumValues(params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
        _utf8 = Utf8Table.Encode(values);
    }

    /// <summary>
    /// The position of the JSON string the reader is on, or -1 for a value the enum does not name; a token other
    /// than a string is a <see cref="JsonException"/> that names <paramref name="typeName"/>.
    /// </summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeName">The enum's name, for the error.</param>
    public int IndexOf(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected a JSON string for " + typeName + ".");
        }

        return Utf8Table.IndexOf(_utf8, ClerkJson.UnescapedText(ref reader));
    }

    /// <summary>Whether <paramref name="value"/> is one of the values (ordinal comparison).</summary>
    /// <param name="value">The text.</param>
    public bool Contains(string value) => Array.IndexOf(_values, value) >= 0;
}
