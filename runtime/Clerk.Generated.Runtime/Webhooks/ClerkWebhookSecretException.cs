namespace Clerk.Generated.Webhooks;

/// <summary>
/// The configured webhook signing secret is missing or malformed. A configuration error, raised when the verifier
/// is built, never while a delivery is checked. The message never contains the secret.
/// </summary>
public sealed class ClerkWebhookSecretException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong with the secret.</summary>
    public ClerkWebhookSecretException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public ClerkWebhookSecretException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ClerkWebhookSecretException()
        : base("The webhook signing secret is invalid.")
    {
    }
}
