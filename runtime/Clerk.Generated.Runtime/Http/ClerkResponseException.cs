using System.Net;

namespace Clerk.Generated.Http;

/// <summary>
/// A Clerk API call succeeded but its response body could not be read as the expected type (empty, not JSON, or
/// a shape the model does not accept). The inner exception holds the serializer's reason.
/// </summary>
public sealed class ClerkResponseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClerkResponseException(string operationId, HttpStatusCode statusCode, string expectedType, string reason, Exception? innerException = null)
        : base($"Clerk API operation {operationId} returned {(int)statusCode} but its body could not be read as {expectedType}: {reason}", innerException)
    {
        OperationId = operationId;
        StatusCode = statusCode;
        ExpectedType = expectedType;
    }

    /// <summary>The operation whose response could not be read.</summary>
    public string OperationId { get; }

    /// <summary>The response status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The name of the type the body should have matched.</summary>
    public string ExpectedType { get; }
}
