namespace Clerk.Generated.Webhooks;

/// <summary>
/// An authentic delivery whose body is not a Clerk event envelope, or whose data does not fit the typed event
/// registered for its type. The message says which member is wrong; it never quotes the payload.
/// </summary>
public sealed class ClerkWebhookPayloadException : Exception
{
    /// <summary>Creates the exception with a message that names the problem.</summary>
    public ClerkWebhookPayloadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public ClerkWebhookPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ClerkWebhookPayloadException()
        : base("The webhook payload is not a Clerk event.")
    {
    }
}
