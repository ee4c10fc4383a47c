namespace Clerk.Generated.Fleet;

/// <summary>
/// Where an instance posts the Retry-After Clerk answered with a 429, so every instance using the same secret key
/// holds its calls until then (for example in Redis). Implementations are scoped to one secret key.
/// </summary>
public interface IClerkRetryAfterBoard
{
    /// <summary>Records that Clerk asked for no calls for <paramref name="retryAfter"/> (a longer hold already posted stays).</summary>
    ValueTask PostAsync(TimeSpan retryAfter, CancellationToken cancellationToken = default);
}
