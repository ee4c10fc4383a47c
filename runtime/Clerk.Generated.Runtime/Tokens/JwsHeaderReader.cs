using System.Text.Json;
using Clerk.Generated.Json;

namespace Clerk.Generated.Tokens;

/// <summary>
/// Reads a JWS header (<c>alg</c>, <c>kid</c>, <c>typ</c>, <c>cat</c>, <c>crit</c>) with a forward-only reader and
/// decides, before any key is touched, whether the token can be a Clerk session token at all. Every member name and
/// string is checked to unescape to well-formed UTF-16 before it is compared or copied.
/// </summary>
internal static class JwsHeaderReader
{
    /// <summary>Longer key ids are not Clerk's; refusing them bounds the stack buffer the key id is copied into.</summary>
    public const int MaxKeyIdLength = 256;

    // Header "cat" values Clerk's own verifier lets through as session tokens (@clerk/backend isNonSessionJwtCategory).
    private static ReadOnlySpan<byte> SessionCategory => "cl_B7d4PD111AAA"u8;
    private static ReadOnlySpan<byte> IgnoredCategory => "cl_I7d4PD111III"u8;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 8 };

    /// <summary>Which header parameters were seen, and what was learnt from their values.</summary>
    [Flags]
    private enum Header
    {
        None = 0,
        Algorithm = 1 << 0,
        KeyId = 1 << 1,
        Type = 1 << 2,
        Category = 1 << 3,
        Critical = 1 << 4,
        AlgorithmIsRs256 = 1 << 5,
        TypeIsJwt = 1 << 6,
        CategoryIsSession = 1 << 7,
        KeyIdTooLong = 1 << 8,
    }

    /// <summary>Reads the header; on success <paramref name="keyIdBuffer"/> starts with the unescaped <c>kid</c>.</summary>
    public static TokenRejectionReason Read(ReadOnlySpan<byte> json, Span<char> keyIdBuffer, out int keyIdLength)
    {
        var visitor = new HeaderVisitor(keyIdBuffer);
        var structure = JsonObjectMembers.Read(json, ReaderOptions, ref visitor);
        keyIdLength = structure == TokenRejectionReason.None ? visitor.KeyIdLength : 0;
        return structure != TokenRejectionReason.None ? structure : Decide(visitor.Header, keyIdLength);
    }

    /// <summary>Records which parameters appear (each at most once) and what their values say.</summary>
    private ref struct HeaderVisitor(Span<char> keyIdBuffer) : IJsonMemberVisitor
    {
        private readonly Span<char> _keyIdBuffer = keyIdBuffer;
        private Header _current;

        public Header Header;
        public int KeyIdLength;

        public TokenRejectionReason OnName(ref Utf8JsonReader reader)
        {
            _current = Identify(JsonShortName.Pack(ref reader));
            if ((Header & _current) != 0)
            {
                return TokenRejectionReason.DuplicateClaim;
            }

            Header |= _current;
            return TokenRejectionReason.None;
        }

        public TokenRejectionReason OnValue(ref Utf8JsonReader reader)
        {
            var learnt = _current switch
            {
                Header.Algorithm => IsString(ref reader, "RS256"u8) ? Header.AlgorithmIsRs256 : Header.None,
                Header.Type => IsString(ref reader, "JWT"u8) ? Header.TypeIsJwt : Header.None,
                Header.Category => IsSessionCategory(ref reader) ? Header.CategoryIsSession : Header.None,
                Header.KeyId => ReadKeyId(ref reader, _keyIdBuffer, ref KeyIdLength),
                _ => Header.None,
            };
            if (learnt == Header.None && _current == Header.KeyId)
            {
                return TokenRejectionReason.Malformed;
            }

            Header |= learnt;
            return JsonStringEscapes.TrySkipValue(ref reader) ? TokenRejectionReason.None : TokenRejectionReason.Malformed;
        }
    }

    private static Header Identify(ulong name) => name switch
    {
        'a' | ('l' << 8) | ('g' << 16) => Header.Algorithm,
        'k' | ('i' << 8) | ('d' << 16) => Header.KeyId,
        't' | ('y' << 8) | ('p' << 16) => Header.Type,
        'c' | ('a' << 8) | ('t' << 16) => Header.Category,
        'c' | ('r' << 8) | ('i' << 16) | ('t' << 24) => Header.Critical,
        _ => Header.None,
    };

    private static bool IsString(ref Utf8JsonReader reader, ReadOnlySpan<byte> expected) =>
        reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(expected);

    private static bool IsSessionCategory(ref Utf8JsonReader reader) =>
        IsString(ref reader, SessionCategory) || IsString(ref reader, IgnoredCategory);

    /// <summary>Copies <c>kid</c> into the buffer; <see cref="Header.None"/> when it is not a string.</summary>
    private static Header ReadKeyId(ref Utf8JsonReader reader, Span<char> keyIdBuffer, ref int keyIdLength)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return Header.None;
        }

        // ValueSpan is never shorter than the unescaped text, so this bound is safe for CopyString.
        if (reader.ValueSpan.Length > keyIdBuffer.Length)
        {
            return Header.KeyIdTooLong;
        }

        keyIdLength = reader.CopyString(keyIdBuffer);
        return Header.KeyId;
    }

    /// <summary>The order mirrors Clerk's verifier where it can: token kind first, then algorithm, then key id.</summary>
    private static TokenRejectionReason Decide(Header header, int keyIdLength)
    {
        if ((header & Header.Category) != 0 && (header & Header.CategoryIsSession) == 0)
        {
            return TokenRejectionReason.NonSessionToken;
        }

        if ((header & Header.AlgorithmIsRs256) == 0)
        {
            return TokenRejectionReason.UnsupportedAlgorithm;
        }

        if ((header & Header.Type) != 0 && (header & Header.TypeIsJwt) == 0)
        {
            return TokenRejectionReason.UnsupportedTokenType;
        }

        if ((header & Header.Critical) != 0)
        {
            return TokenRejectionReason.UnsupportedCriticalHeader;
        }

        if (keyIdLength == 0)
        {
            return (header & Header.KeyIdTooLong) != 0 ? TokenRejectionReason.UnknownKey : TokenRejectionReason.MissingKeyId;
        }

        return TokenRejectionReason.None;
    }
}
