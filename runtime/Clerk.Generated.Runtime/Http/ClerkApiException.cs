using System.Net;

namespace Clerk.Generated.Http;

/// <summary>
/// A Clerk API call answered with a non-success status (after any retries). Carries the status, the parsed
/// <see cref="ClerkErrors"/> body when there was one, Clerk's trace id and the server's <c>Retry-After</c>.
/// </summary>
public class ClerkApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClerkApiException(
        string operationId,
        HttpStatusCode statusCode,
        ClerkErrors? errors,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(BuildMessage(operationId, statusCode, errors), innerException)
    {
        OperationId = operationId;
        StatusCode = statusCode;
        Errors = errors;
        RetryAfter = retryAfter;
    }

    /// <summary>The operation that failed, for example <c>GetUser</c>.</summary>
    public string OperationId { get; }

    /// <summary>The response status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The parsed error body, or <see langword="null"/> when the body was empty or not a <c>ClerkErrors</c> document.</summary>
    public ClerkErrors? Errors { get; }

    /// <summary>Clerk's trace id for the request, when the error body carried one.</summary>
    public string? TraceId => Errors?.ClerkTraceId;

    /// <summary>How long the server asked to wait before trying again, when it sent <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The first error's code, for example <c>resource_not_found</c>, or <see langword="null"/>.</summary>
    public string? ErrorCode => Errors?.Errors.Count > 0 ? Errors.Errors[0].Code : null;

    private static string BuildMessage(string operationId, HttpStatusCode statusCode, ClerkErrors? errors)
    {
        var status = $"{(int)statusCode} {statusCode}";
        var detail = errors is { Errors.Count: > 0 } ? $": {errors}" : errors is null ? " (no Clerk error body)" : string.Empty;
        var trace = errors?.ClerkTraceId is { Length: > 0 } id ? $" [trace {id}]" : string.Empty;
        return $"Clerk API operation {operationId} failed with {status}{detail}{trace}.";
    }
}
