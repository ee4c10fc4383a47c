namespace Clerk.Generated.Requests;

/// <summary>Which kind of Clerk instance a publishable key belongs to.</summary>
public enum ClerkInstanceType
{
    /// <summary>A development instance (<c>pk_test_</c>): dev-browser tokens, handshakes carry <c>__clerk_db_jwt</c>.</summary>
    Development,

    /// <summary>A production instance (<c>pk_live_</c>).</summary>
    Production,
}
