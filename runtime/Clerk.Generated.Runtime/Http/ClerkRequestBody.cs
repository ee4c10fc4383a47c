namespace Clerk.Generated.Http;

/// <summary>A request body that can produce fresh <see cref="HttpContent"/> for every attempt.</summary>
internal abstract class ClerkRequestBody
{
    /// <summary>Does any asynchronous work needed once before the first attempt (buffering a stream).</summary>
    public virtual ValueTask PrepareAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Creates the content for one attempt; the caller disposes it.</summary>
    public abstract HttpContent CreateContent();
}
