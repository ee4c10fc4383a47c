using System.Text.Json;

namespace Clerk.Generated.Tokens;

/// <summary>
/// Reads a session token payload in one forward pass: checks it is a single well-formed JSON object of bounded
/// depth, rejects duplicated registered claims, checks claim types, and records where the claims validation needs
/// sit (<see cref="SessionClaimsSummary"/>). Claims the validator does not check are skipped, not materialised.
/// </summary>
internal static class SessionClaimsReader
{
    /// <summary>Deep nesting is never legitimate in a session token; bounding it defuses nested-JSON bombs.</summary>
    public const int MaxDepth = 32;

    /// <summary>Bounds for NumericDate claims: years 0001 to 9999, the range <see cref="DateTimeOffset"/> can hold.</summary>
    public const long MinNumericDate = -62135596800;
    public const long MaxNumericDate = 253402300799;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    [Flags]
    private enum Seen
    {
        None = 0,
        Sub = 1 << 0,
        Sid = 1 << 1,
        Iss = 1 << 2,
        Azp = 1 << 3,
        Jti = 1 << 4,
        Sts = 1 << 5,
        Exp = 1 << 6,
        Nbf = 1 << 7,
        Iat = 1 << 8,
        Other = 1 << 9,
    }

    public static TokenRejectionReason Read(ReadOnlySpan<byte> json, out SessionClaimsSummary summary)
    {
        summary = default;
        var seen = Seen.None;

        // The reader does not validate UTF-8 inside strings it skips or slices; JSON text must be UTF-8 (RFC 8259),
        // and two decoders could repair broken bytes differently.
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
                var claim = Identify(ref reader);
                if (claim != Seen.Other)
                {
                    if ((seen & claim) != 0)
                    {
                        return TokenRejectionReason.DuplicateClaim;
                    }

                    seen |= claim;
                }

                reader.Read();
                var outcome = claim switch
                {
                    Seen.Sub => ReadString(ref reader, ref summary.Subject) == TokenRejectionReason.None
                        ? TokenRejectionReason.None
                        : TokenRejectionReason.MissingSubject,
                    Seen.Sid => ReadString(ref reader, ref summary.SessionId),
                    Seen.Iss => ReadString(ref reader, ref summary.Issuer),
                    Seen.Azp => ReadString(ref reader, ref summary.AuthorizedParty),
                    Seen.Jti => ReadString(ref reader, ref summary.TokenId),
                    Seen.Sts => ReadString(ref reader, ref summary.SessionStatus),
                    Seen.Exp => ReadNumericDate(ref reader, ref summary.ExpiresAt),
                    Seen.Nbf => ReadNumericDate(ref reader, ref summary.NotBefore),
                    Seen.Iat => ReadNumericDate(ref reader, ref summary.IssuedAt),
                    _ => SkipValue(ref reader),
                };
                if (outcome != TokenRejectionReason.None)
                {
                    return outcome;
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

        return TokenRejectionReason.None;
    }

    private static Seen Identify(ref Utf8JsonReader reader)
    {
        // Every registered name is 3 bytes; an escaped name ("\u0073ub") is longer raw, so only check the text then.
        if (reader.ValueSpan.Length != 3 && !reader.ValueIsEscaped)
        {
            return Seen.Other;
        }

        if (reader.ValueTextEquals("sub"u8)) return Seen.Sub;
        if (reader.ValueTextEquals("exp"u8)) return Seen.Exp;
        if (reader.ValueTextEquals("iat"u8)) return Seen.Iat;
        if (reader.ValueTextEquals("nbf"u8)) return Seen.Nbf;
        if (reader.ValueTextEquals("sid"u8)) return Seen.Sid;
        if (reader.ValueTextEquals("iss"u8)) return Seen.Iss;
        if (reader.ValueTextEquals("azp"u8)) return Seen.Azp;
        if (reader.ValueTextEquals("jti"u8)) return Seen.Jti;
        if (reader.ValueTextEquals("sts"u8)) return Seen.Sts;
        return Seen.Other;
    }

    private static TokenRejectionReason ReadString(ref Utf8JsonReader reader, ref JsonStringSlice slice)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return TokenRejectionReason.Malformed;
        }

        slice = JsonStringSlice.From(ref reader);
        return TokenRejectionReason.None;
    }

    private static TokenRejectionReason ReadNumericDate(ref Utf8JsonReader reader, ref long? value)
    {
        // NumericDate is seconds; Clerk only ever issues integers. Fractions and out-of-range values are refused
        // rather than rounded, so no two parsers can read different instants from the same bytes.
        if (reader.TokenType != JsonTokenType.Number
            || !reader.TryGetInt64(out var seconds)
            || seconds < MinNumericDate
            || seconds > MaxNumericDate)
        {
            return TokenRejectionReason.Malformed;
        }

        value = seconds;
        return TokenRejectionReason.None;
    }

    private static TokenRejectionReason SkipValue(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return TokenRejectionReason.None;
    }
}
