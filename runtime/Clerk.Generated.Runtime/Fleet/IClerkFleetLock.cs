namespace Clerk.Generated.Fleet;

/// <summary>
/// A lock every instance of a fleet sees (for example in Redis), so that one instance fetches what all of them
/// then read from the shared cache. A lock that cannot be reached is reported as acquired by the implementation:
/// the caller then fetches on its own, as a single instance would.
/// </summary>
public interface IClerkFleetLock
{
    /// <summary>
    /// Takes the lock named <paramref name="name"/> for at most <paramref name="lease"/>, or returns null when
    /// another holder has it. Disposing the returned handle releases the lock.
    /// </summary>
    ValueTask<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan lease, CancellationToken cancellationToken = default);
}
