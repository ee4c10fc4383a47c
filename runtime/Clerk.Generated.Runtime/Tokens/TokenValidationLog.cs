using Microsoft.Extensions.Logging;

namespace Clerk.Generated.Tokens;

/// <summary>Log lines of token validation. They carry reasons and ids, never tokens or keys.</summary>
internal static partial class TokenValidationLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "{TokenType} rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, ClerkTokenTypes tokenType, TokenRejectionReason reason);
}
