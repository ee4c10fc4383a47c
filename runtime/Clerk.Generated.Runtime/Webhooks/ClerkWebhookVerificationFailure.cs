namespace Clerk.Generated.Webhooks;

/// <summary>Why a delivery was rejected. Each value has one precise cause.</summary>
public enum ClerkWebhookVerificationFailure
{
    /// <summary>Not a failure: the delivery is authentic and fresh.</summary>
    None = 0,

    /// <summary>Neither <c>svix-id</c> nor <c>webhook-id</c> is present.</summary>
    MissingMessageId,

    /// <summary>Neither <c>svix-timestamp</c> nor <c>webhook-timestamp</c> is present.</summary>
    MissingTimestamp,

    /// <summary>Neither <c>svix-signature</c> nor <c>webhook-signature</c> is present.</summary>
    MissingSignature,

    /// <summary>The timestamp header is not canonical decimal Unix seconds (digits only, no sign, no leading zero).</summary>
    InvalidTimestamp,

    /// <summary>The timestamp is further in the past than the tolerance: a replay or a very late delivery.</summary>
    TimestampTooOld,

    /// <summary>The timestamp is further in the future than the tolerance.</summary>
    TimestampTooNew,

    /// <summary>The signature header holds no <c>v1,…</c> entry (other versions, such as <c>v1a</c>, are not supported).</summary>
    NoSupportedSignature,

    /// <summary>No <c>v1</c> signature matches the body, id and timestamp under the configured secret.</summary>
    SignatureMismatch,
}
