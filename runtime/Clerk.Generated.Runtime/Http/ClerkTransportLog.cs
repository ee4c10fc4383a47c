using Microsoft.Extensions.Logging;

namespace Clerk.Generated.Http;

/// <summary>The transport's debug events: operation ids, templates, statuses and timings only, never paths, bodies or keys.</summary>
internal static partial class ClerkTransportLog
{
    [LoggerMessage(1, LogLevel.Debug, "Clerk {OperationId} ({Method} {PathTemplate}) attempt {Attempt} sending")]
    public static partial void Sending(ILogger logger, string operationId, string method, string pathTemplate, int attempt);

    [LoggerMessage(2, LogLevel.Debug, "Clerk {OperationId} attempt {Attempt} answered {StatusCode} in {ElapsedMilliseconds:0.#} ms")]
    public static partial void Answered(ILogger logger, string operationId, int attempt, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(3, LogLevel.Debug, "Clerk {OperationId} attempt {Attempt} failed ({Reason}); retrying in {DelayMilliseconds:0} ms")]
    public static partial void Retrying(ILogger logger, string operationId, int attempt, string reason, double delayMilliseconds);

    [LoggerMessage(4, LogLevel.Debug, "Clerk {OperationId} attempt {Attempt} failed ({Reason}); not retrying: {WhyNot}")]
    public static partial void GivingUp(ILogger logger, string operationId, int attempt, string reason, string whyNot);
}
