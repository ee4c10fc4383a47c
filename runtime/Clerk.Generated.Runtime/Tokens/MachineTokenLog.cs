using Microsoft.Extensions.Logging;

namespace Clerk.Generated.Tokens;

/// <summary>Log lines of machine token verification; never the token, never the secret key.</summary>
internal static partial class MachineTokenLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Clerk rejected the secret key while verifying a {TokenType} (HTTP {StatusCode})")]
    public static partial void SecretKeyRejected(ILogger logger, ClerkTokenTypes tokenType, int statusCode);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Verifying a {TokenType} with Clerk failed: {Cause}")]
    public static partial void VerificationFailed(ILogger logger, ClerkTokenTypes tokenType, string cause);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "A {TokenType} was not verified: the local limit on verification calls to Clerk is used up")]
    public static partial void RateLimited(ILogger logger, ClerkTokenTypes tokenType);
}
