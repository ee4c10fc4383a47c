namespace Clerk.Generated.Webhooks;

/// <summary>
/// Thrown by <see cref="ClerkWebhookVerifier.VerifyOrThrow(ReadOnlySpan{byte}, ClerkWebhookHeaders)"/> when a delivery
/// is not authentic or not fresh.
/// </summary>
public sealed class ClerkWebhookVerificationException : Exception
{
    /// <summary>Creates the exception for a rejected delivery.</summary>
    public ClerkWebhookVerificationException(ClerkWebhookVerificationFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ClerkWebhookVerificationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public ClerkWebhookVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ClerkWebhookVerificationException()
        : base("The webhook delivery could not be verified.")
    {
    }

    /// <summary>Why the delivery was rejected.</summary>
    public ClerkWebhookVerificationFailure Failure { get; }
}
