using Microsoft.Extensions.Logging;

namespace Clerk.Generated.Tokens.Jwks;

/// <summary>Log lines of the JWKS cache. They name the cache by its scope hash, never by its secret key.</summary>
internal static partial class JwksLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "JWKS {Scope}: fetched {KeyCount} signing keys ({SkippedCount} entries ignored)")]
    public static partial void Fetched(ILogger logger, string scope, int keyCount, int skippedCount);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "JWKS {Scope}: fetch failed with HTTP {StatusCode}")]
    public static partial void FetchFailedWithStatus(ILogger logger, string scope, int statusCode);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "JWKS {Scope}: fetch failed: {Cause}")]
    public static partial void FetchFailed(ILogger logger, string scope, string cause);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "JWKS {Scope}: Clerk unreachable, serving keys fetched {Age} ago")]
    public static partial void ServingStaleKeys(ILogger logger, string scope, TimeSpan age);
}
