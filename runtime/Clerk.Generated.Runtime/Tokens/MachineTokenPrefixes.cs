namespace Clerk.Generated.Tokens;

/// <summary>The prefixes by which Clerk's opaque machine tokens are recognised (@clerk/backend tokens/machine.ts).</summary>
public static class MachineTokenPrefixes
{
    /// <summary>API keys.</summary>
    public const string ApiKey = "ak_";

    /// <summary>Machine-to-machine tokens.</summary>
    public const string M2MToken = "mt_";

    /// <summary>OAuth access tokens.</summary>
    public const string OAuthToken = "oat_";

    /// <summary>The type a token's prefix names, or <see cref="ClerkTokenTypes.SessionToken"/> when it has none of them.</summary>
    public static ClerkTokenTypes Classify(ReadOnlySpan<char> token)
    {
        if (token.StartsWith(M2MToken, StringComparison.Ordinal))
        {
            return ClerkTokenTypes.M2MToken;
        }

        if (token.StartsWith(OAuthToken, StringComparison.Ordinal))
        {
            return ClerkTokenTypes.OAuthToken;
        }

        return token.StartsWith(ApiKey, StringComparison.Ordinal) ? ClerkTokenTypes.ApiKey : ClerkTokenTypes.SessionToken;
    }
}
