namespace Clerk.Generated.Http;

/// <summary>
/// A Clerk API call took longer than <see cref="ClerkClientOptions.Timeout"/> on its last attempt. Distinct from the
/// caller's own cancellation, which surfaces as <see cref="OperationCanceledException"/> carrying the caller's token.
/// </summary>
public sealed class ClerkTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public ClerkTimeoutException(string operationId, TimeSpan timeout, int attempts, Exception? innerException = null)
        : base($"Clerk API operation {operationId} timed out after {timeout.TotalSeconds:0.###} s (attempt {attempts}).", innerException)
    {
        OperationId = operationId;
        Timeout = timeout;
        Attempts = attempts;
    }

    /// <summary>The operation that timed out.</summary>
    public string OperationId { get; }

    /// <summary>The per-attempt timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}
