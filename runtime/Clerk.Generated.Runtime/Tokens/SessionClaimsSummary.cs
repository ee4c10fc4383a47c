namespace Clerk.Generated.Tokens;

/// <summary>What validation needs from a payload, read in one forward pass without allocating.</summary>
internal struct SessionClaimsSummary
{
    public JsonStringSlice Subject;
    public JsonStringSlice SessionId;
    public JsonStringSlice Issuer;
    public JsonStringSlice AuthorizedParty;
    public JsonStringSlice TokenId;
    public JsonStringSlice SessionStatus;
    public long? ExpiresAt;
    public long? NotBefore;
    public long? IssuedAt;
}
