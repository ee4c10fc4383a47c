namespace Clerk.Generated.Tokens;

/// <summary>Verifies opaque machine tokens (API keys, M2M tokens, OAuth access tokens), typically through Clerk's API.</summary>
public interface IMachineTokenVerifier
{
    /// <summary>Verifies <paramref name="token"/>, already recognised as <paramref name="tokenType"/> by its prefix.</summary>
    /// <returns>The verdict. Never throws for an invalid token or an unreachable API; only for cancellation.</returns>
    ValueTask<ClerkTokenValidationResult> VerifyAsync(string token, ClerkTokenTypes tokenType, CancellationToken cancellationToken = default);
}
