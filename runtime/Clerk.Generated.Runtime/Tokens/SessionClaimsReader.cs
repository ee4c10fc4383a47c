using System.Text.Json;
using Clerk.Generated.Json;

namespace Clerk.Generated.Tokens;

/// <summary>
/// Reads a session token payload in one forward pass: checks it is a single well-formed JSON object of bounded
/// depth, rejects any repeated top-level claim (and repeated members of <c>o</c> and <c>act</c>), checks that every
/// string unescapes to well-formed UTF-16, checks claim types, and records where the claims validation needs
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

    /// <summary>The claims the forward pass treats specially.</summary>
    private enum Claim
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

        /// <summary>A claim read lazily (<see cref="SessionClaimsDetails"/>) or a custom one.</summary>
        Other = 1 << 9,

        /// <summary>An object claim read lazily whose own members must not repeat (<c>o</c>, <c>act</c>).</summary>
        LazyObject = 1 << 10,
    }

    public static TokenRejectionReason Read(ReadOnlySpan<byte> json, out SessionClaimsSummary summary)
    {
        summary = default;

        // The reader does not validate UTF-8 inside strings it skips or slices; JSON text must be UTF-8 (RFC 8259),
        // and two decoders could repair broken bytes differently.
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            return TokenRejectionReason.Malformed;
        }

        try
        {
            return ReadClaims(json, ref summary);
        }
        catch (JsonException)
        {
            return TokenRejectionReason.Malformed;
        }
    }

    private static TokenRejectionReason ReadClaims(ReadOnlySpan<byte> json, ref SessionClaimsSummary summary)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return TokenRejectionReason.Malformed;
        }

        // Every top-level name must be unique, Clerk's or custom: which duplicate wins differs between parsers.
        var names = new JsonMemberNames(json, stackalloc Range[JsonMemberNames.InlineCapacity]);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!JsonStringEscapes.IsWellFormed(ref reader))
            {
                return TokenRejectionReason.Malformed;
            }

            if (!names.TryAdd(ref reader))
            {
                return TokenRejectionReason.DuplicateClaim;
            }

            var claim = Identify(ref reader);
            reader.Read();
            if (reader.TokenType == JsonTokenType.String && !JsonStringEscapes.IsWellFormed(ref reader))
            {
                return TokenRejectionReason.Malformed;
            }

            var outcome = claim switch
            {
                Claim.Sub => ReadString(ref reader, ref summary.Subject) == TokenRejectionReason.None
                    ? TokenRejectionReason.None
                    : TokenRejectionReason.MissingSubject,
                Claim.Sid => ReadString(ref reader, ref summary.SessionId),
                Claim.Iss => ReadString(ref reader, ref summary.Issuer),
                Claim.Azp => ReadString(ref reader, ref summary.AuthorizedParty),
                Claim.Jti => ReadString(ref reader, ref summary.TokenId),
                Claim.Sts => ReadString(ref reader, ref summary.SessionStatus),
                Claim.Exp => ReadNumericDate(ref reader, ref summary.ExpiresAt),
                Claim.Nbf => ReadNumericDate(ref reader, ref summary.NotBefore),
                Claim.Iat => ReadNumericDate(ref reader, ref summary.IssuedAt),
                Claim.LazyObject => SkipObjectWithUniqueMembers(json, ref reader),
                _ => SkipValue(ref reader),
            };
            if (outcome != TokenRejectionReason.None)
            {
                return outcome;
            }
        }

        return reader.TokenType != JsonTokenType.EndObject || reader.Read()
            ? TokenRejectionReason.Malformed
            : TokenRejectionReason.None;
    }

    private static Claim Identify(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("sub"u8)) return Claim.Sub;
        if (reader.ValueTextEquals("exp"u8)) return Claim.Exp;
        if (reader.ValueTextEquals("iat"u8)) return Claim.Iat;
        if (reader.ValueTextEquals("nbf"u8)) return Claim.Nbf;
        if (reader.ValueTextEquals("sid"u8)) return Claim.Sid;
        if (reader.ValueTextEquals("iss"u8)) return Claim.Iss;
        if (reader.ValueTextEquals("azp"u8)) return Claim.Azp;
        if (reader.ValueTextEquals("jti"u8)) return Claim.Jti;
        if (reader.ValueTextEquals("sts"u8)) return Claim.Sts;
        if (reader.ValueTextEquals("o"u8) || reader.ValueTextEquals("act"u8)) return Claim.LazyObject;
        return Claim.Other;
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

    private static TokenRejectionReason SkipValue(ref Utf8JsonReader reader) =>
        JsonStringEscapes.TrySkipValue(ref reader) ? TokenRejectionReason.None : TokenRejectionReason.Malformed;

    /// <summary>Skips <c>o</c> or <c>act</c>, refusing a repeated member (<c>o.id</c> twice) as a repeated claim.</summary>
    private static TokenRejectionReason SkipObjectWithUniqueMembers(ReadOnlySpan<byte> json, ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return SkipValue(ref reader);
        }

        var members = new JsonMemberNames(json, stackalloc Range[JsonMemberNames.InlineCapacity]);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!JsonStringEscapes.IsWellFormed(ref reader))
            {
                return TokenRejectionReason.Malformed;
            }

            if (!members.TryAdd(ref reader))
            {
                return TokenRejectionReason.DuplicateClaim;
            }

            reader.Read();
            if (!JsonStringEscapes.TrySkipValue(ref reader))
            {
                return TokenRejectionReason.Malformed;
            }
        }

        return TokenRejectionReason.None;
    }
}
