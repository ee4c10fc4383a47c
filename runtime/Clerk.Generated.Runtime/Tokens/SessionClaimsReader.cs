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

    /// <summary>The claims Clerk issues, each recognised by its packed name and allowed once.</summary>
    [Flags]
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

        /// <summary>The v2 organization (<c>o</c>): read lazily, its own members must not repeat.</summary>
        O = 1 << 9,

        /// <summary>The actor (<c>act</c>): read lazily, its own members must not repeat.</summary>
        Act = 1 << 10,

        /// <summary>Read lazily (<see cref="SessionClaimsDetails"/>): <c>v</c>, <c>fva</c>, <c>fea</c>, <c>pla</c>.</summary>
        V = 1 << 11,
        Fva = 1 << 12,
        Fea = 1 << 13,
        Pla = 1 << 14,

        /// <summary>Any other name (v1 organization claims, custom claims): its uniqueness is checked by name.</summary>
        Other = 1 << 15,
    }

    public static TokenRejectionReason Read(ReadOnlySpan<byte> json, out SessionClaimsSummary summary)
    {
        var visitor = new ClaimsVisitor(json, stackalloc Range[JsonMemberNames.InlineCapacity]);
        var verdict = JsonObjectMembers.Read(json, ReaderOptions, ref visitor);
        summary = verdict == TokenRejectionReason.None ? visitor.Summary : default;
        return verdict;
    }

    /// <summary>Every top-level name must be unique, Clerk's or custom: which duplicate wins differs between parsers.</summary>
    private ref struct ClaimsVisitor(ReadOnlySpan<byte> json, Span<Range> otherNames) : IJsonMemberVisitor
    {
        private readonly ReadOnlySpan<byte> _json = json;
        private JsonMemberNames _otherNames = new(json, otherNames);
        private Claim _seen;
        private Claim _current;

        public SessionClaimsSummary Summary;

        public TokenRejectionReason OnName(ref Utf8JsonReader reader)
        {
            _current = Identify(JsonShortName.Pack(ref reader));
            if (_current == Claim.Other)
            {
                return _otherNames.TryAdd(ref reader) ? TokenRejectionReason.None : TokenRejectionReason.DuplicateClaim;
            }

            if ((_seen & _current) != 0)
            {
                return TokenRejectionReason.DuplicateClaim;
            }

            _seen |= _current;
            return TokenRejectionReason.None;
        }

        public TokenRejectionReason OnValue(ref Utf8JsonReader reader) => _current switch
        {
            Claim.Sub => ReadString(ref reader, ref Summary.Subject) == TokenRejectionReason.None
                ? TokenRejectionReason.None
                : TokenRejectionReason.MissingSubject,
            Claim.Sid => ReadString(ref reader, ref Summary.SessionId),
            Claim.Iss => ReadString(ref reader, ref Summary.Issuer),
            Claim.Azp => ReadString(ref reader, ref Summary.AuthorizedParty),
            Claim.Jti => ReadString(ref reader, ref Summary.TokenId),
            Claim.Sts => ReadString(ref reader, ref Summary.SessionStatus),
            Claim.Exp => ReadNumericDate(ref reader, ref Summary.ExpiresAt),
            Claim.Nbf => ReadNumericDate(ref reader, ref Summary.NotBefore),
            Claim.Iat => ReadNumericDate(ref reader, ref Summary.IssuedAt),
            Claim.O or Claim.Act => SkipObjectWithUniqueMembers(_json, ref reader),
            _ => SkipValue(ref reader),
        };
    }

    private static Claim Identify(ulong name) => name switch
    {
        's' | ('u' << 8) | ('b' << 16) => Claim.Sub,
        'e' | ('x' << 8) | ('p' << 16) => Claim.Exp,
        'i' | ('a' << 8) | ('t' << 16) => Claim.Iat,
        'n' | ('b' << 8) | ('f' << 16) => Claim.Nbf,
        's' | ('i' << 8) | ('d' << 16) => Claim.Sid,
        'i' | ('s' << 8) | ('s' << 16) => Claim.Iss,
        'a' | ('z' << 8) | ('p' << 16) => Claim.Azp,
        'j' | ('t' << 8) | ('i' << 16) => Claim.Jti,
        's' | ('t' << 8) | ('s' << 16) => Claim.Sts,
        'o' => Claim.O,
        'a' | ('c' << 8) | ('t' << 16) => Claim.Act,
        'v' => Claim.V,
        'f' | ('v' << 8) | ('a' << 16) => Claim.Fva,
        'f' | ('e' << 8) | ('a' << 16) => Claim.Fea,
        'p' | ('l' << 8) | ('a' << 16) => Claim.Pla,
        _ => Claim.Other,
    };

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
