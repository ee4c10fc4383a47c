using System.Text.Json;

namespace Clerk.Generated.Tokens;

/// <summary>
/// Reads a JWS header (<c>alg</c>, <c>kid</c>, <c>typ</c>, <c>cat</c>, <c>crit</c>) with a forward-only reader and
/// decides, before any key is touched, whether the token can be a Clerk session token at all.
/// </summary>
internal static class JwsHeaderReader
{
    /// <summary>Longer key ids are not Clerk's; refusing them bounds the stack buffer the key id is copied into.</summary>
    public const int MaxKeyIdLength = 256;

    // Header "cat" values Clerk's own verifier lets through as session tokens (@clerk/backend isNonSessionJwtCategory).
    private static ReadOnlySpan<byte> SessionCategory => "cl_B7d4PD111AAA"u8;
    private static ReadOnlySpan<byte> IgnoredCategory => "cl_I7d4PD111III"u8;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 8 };

    /// <summary>Reads the header; on success <paramref name="keyIdBuffer"/> starts with the unescaped <c>kid</c>.</summary>
    public static TokenRejectionReason Read(ReadOnlySpan<byte> json, Span<char> keyIdBuffer, out int keyIdLength)
    {
        keyIdLength = 0;
        var algorithmIsRs256 = false;
        var seenAlgorithm = false;
        var seenKeyId = false;
        var seenType = false;
        var typeIsJwt = false;
        var seenCategory = false;
        var categoryIsSession = false;
        var seenCritical = false;
        var keyIdTooLong = false;
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            return TokenRejectionReason.Malformed;
        }

        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return TokenRejectionReason.Malformed;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("alg"u8))
                {
                    if (seenAlgorithm)
                    {
                        return TokenRejectionReason.DuplicateClaim;
                    }

                    seenAlgorithm = true;
                    reader.Read();
                    algorithmIsRs256 = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("RS256"u8);
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("kid"u8))
                {
                    if (seenKeyId)
                    {
                        return TokenRejectionReason.DuplicateClaim;
                    }

                    seenKeyId = true;
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return TokenRejectionReason.Malformed;
                    }

                    // ValueSpan is never shorter than the unescaped text, so this bound is safe for CopyString.
                    if (reader.ValueSpan.Length > keyIdBuffer.Length)
                    {
                        keyIdTooLong = true;
                    }
                    else
                    {
                        keyIdLength = reader.CopyString(keyIdBuffer);
                    }
                }
                else if (reader.ValueTextEquals("typ"u8))
                {
                    if (seenType)
                    {
                        return TokenRejectionReason.DuplicateClaim;
                    }

                    seenType = true;
                    reader.Read();
                    typeIsJwt = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("JWT"u8);
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("cat"u8))
                {
                    if (seenCategory)
                    {
                        return TokenRejectionReason.DuplicateClaim;
                    }

                    seenCategory = true;
                    reader.Read();
                    categoryIsSession = reader.TokenType == JsonTokenType.String
                        && (reader.ValueTextEquals(SessionCategory) || reader.ValueTextEquals(IgnoredCategory));
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("crit"u8))
                {
                    seenCritical = true;
                    reader.Read();
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return TokenRejectionReason.Malformed;
            }
        }
        catch (JsonException)
        {
            return TokenRejectionReason.Malformed;
        }

        // The order mirrors Clerk's verifier where it can: token kind first, then algorithm, then key id.
        if (seenCategory && !categoryIsSession)
        {
            return TokenRejectionReason.NonSessionToken;
        }

        if (!algorithmIsRs256)
        {
            return TokenRejectionReason.UnsupportedAlgorithm;
        }

        if (seenType && !typeIsJwt)
        {
            return TokenRejectionReason.UnsupportedTokenType;
        }

        if (seenCritical)
        {
            return TokenRejectionReason.UnsupportedCriticalHeader;
        }

        if (!seenKeyId || keyIdLength == 0)
        {
            return keyIdTooLong ? TokenRejectionReason.UnknownKey : TokenRejectionReason.MissingKeyId;
        }

        return TokenRejectionReason.None;
    }
}
