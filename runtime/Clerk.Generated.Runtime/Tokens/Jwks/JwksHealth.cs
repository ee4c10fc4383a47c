namespace Clerk.Generated.Tokens.Jwks;

/// <summary>The state of a <see cref="JwksCache"/>'s keys, as a health check reports it.</summary>
public enum JwksHealth
{
    /// <summary>No key was needed yet, so none was fetched.</summary>
    NotFetchedYet,

    /// <summary>Keys are held, younger than their time to live, and the last fetch succeeded.</summary>
    Fresh,

    /// <summary>Keys are held and fresh, but the last request to Clerk for them failed.</summary>
    LastFetchFailed,

    /// <summary>Keys are older than their time to live (Clerk did not answer): they are served while the staleness allows.</summary>
    Stale,

    /// <summary>Keys were never obtained and fetching them failed.</summary>
    NeverFetched,
}
