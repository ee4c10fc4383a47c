using System.Net;

namespace Clerk.Generated.Http;

/// <summary>A Clerk API call was still rate limited (429) after any retries; <see cref="ClerkApiException.RetryAfter"/> says when to try again.</summary>
public sealed class ClerkRateLimitedException : ClerkApiException
{
    /// <summary>Creates the exception.</summary>
    public ClerkRateLimitedException(string operationId, ClerkErrors? errors, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(operationId, HttpStatusCode.TooManyRequests, errors, retryAfter, innerException)
    {
    }
}
