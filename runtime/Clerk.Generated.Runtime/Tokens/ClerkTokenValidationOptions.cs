namespace Clerk.Generated.Tokens;

/// <summary>
/// What a <see cref="ClerkTokenValidator"/> checks beyond the signature. Mutable for the options pattern; the validator
/// copies the values when it is created, so later changes do not affect it.
/// </summary>
public sealed class ClerkTokenValidationOptions
{
    /// <summary>The default for <see cref="ClockSkew"/>: 5 seconds, as in Clerk's own SDKs.</summary>
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromSeconds(5);

    /// <summary>The default for <see cref="MaxTokenLength"/>.</summary>
    public const int DefaultMaxTokenLength = 16 * 1024;

    /// <summary>
    /// Origins allowed in the <c>azp</c> claim (for example <c>https://app.example.com</c>). Empty means "not
    /// configured": any <c>azp</c>, or none, is accepted. When configured, <c>azp</c> must be present and listed.
    /// </summary>
    public IList<string> AuthorizedParties { get; set; } = new List<string>();

    /// <summary>How far the token's times may be off from this machine's clock. Default 5 seconds.</summary>
    public TimeSpan ClockSkew { get; set; } = DefaultClockSkew;

    /// <summary>When set, <c>iss</c> must equal this value exactly (your frontend API URL, for example
    /// <c>https://clerk.example.com</c>). Null leaves the issuer unchecked, as Clerk's SDKs do.</summary>
    public string? Issuer { get; set; }

    /// <summary>Which token types are accepted. Session tokens only by default.</summary>
    public ClerkTokenTypes AcceptsToken { get; set; } = ClerkTokenTypes.SessionToken;

    /// <summary>Tokens longer than this many characters are rejected before any parsing. Default 16 KiB.</summary>
    public int MaxTokenLength { get; set; } = DefaultMaxTokenLength;

    /// <summary>
    /// When true, a session token that validated once is accepted again without another RSA operation until it
    /// expires (never past its <c>exp</c>). Off by default.
    /// </summary>
    public bool EnableTokenCache { get; set; }

    /// <summary>
    /// Whether a session whose <c>sts</c> is <c>pending</c> (signed in, but with session tasks left, such as choosing
    /// an organization) counts as signed out. True by default, as in Clerk's SDKs (<c>treatPendingAsSignedOut</c>):
    /// such a token is rejected with <see cref="TokenRejectionReason.SessionPending"/>, and the rejection still
    /// carries the verified token in <see cref="ClerkTokenValidationResult.Token"/>. Set false to accept pending
    /// sessions (then <see cref="ClerkJwt.SessionStatus"/> tells them apart).
    /// </summary>
    public bool TreatPendingAsSignedOut { get; set; } = true;

    /// <summary>At most this many validated tokens are cached when <see cref="EnableTokenCache"/> is on.</summary>
    public int TokenCacheSize { get; set; } = 10_000;
}
