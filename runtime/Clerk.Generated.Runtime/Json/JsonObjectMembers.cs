using System.Text.Json;
using Clerk.Generated.Tokens;

namespace Clerk.Generated.Json;

/// <summary>
/// The one forward pass the token readers share: the text is valid UTF-8 (the reader does not check bytes inside the
/// strings it skips or slices, and two decoders could repair broken bytes differently), a single JSON object within
/// the reader's options, every member name and string value unescaping to well-formed UTF-16, and nothing after the
/// object. What each member means is the visitor's business.
/// </summary>
internal static class JsonObjectMembers
{
    public static TokenRejectionReason Read<TVisitor>(ReadOnlySpan<byte> json, JsonReaderOptions options, ref TVisitor visitor)
        where TVisitor : IJsonMemberVisitor, allows ref struct
    {
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            return TokenRejectionReason.Malformed;
        }

        try
        {
            return ReadMembers(json, options, ref visitor);
        }
        catch (JsonException)
        {
            return TokenRejectionReason.Malformed;
        }
    }

    private static TokenRejectionReason ReadMembers<TVisitor>(ReadOnlySpan<byte> json, JsonReaderOptions options, ref TVisitor visitor)
        where TVisitor : IJsonMemberVisitor, allows ref struct
    {
        var reader = new Utf8JsonReader(json, options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return TokenRejectionReason.Malformed;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!JsonStringEscapes.IsWellFormed(ref reader))
            {
                return TokenRejectionReason.Malformed;
            }

            var verdict = visitor.OnName(ref reader);
            if (verdict != TokenRejectionReason.None)
            {
                return verdict;
            }

            reader.Read();
            if (reader.TokenType == JsonTokenType.String && !JsonStringEscapes.IsWellFormed(ref reader))
            {
                return TokenRejectionReason.Malformed;
            }

            verdict = visitor.OnValue(ref reader);
            if (verdict != TokenRejectionReason.None)
            {
                return verdict;
            }
        }

        return reader.TokenType != JsonTokenType.EndObject || reader.Read()
            ? TokenRejectionReason.Malformed
            : TokenRejectionReason.None;
    }
}
