namespace Clerk.Generated.Fleet;

/// <summary>Lets <see cref="ClerkHealthCheck"/> ask whether the store the fleet shares state through (such as Redis) answers.</summary>
public interface IClerkSharedStoreHealth
{
    /// <summary>What the store is, for the health report (for example <c>redis</c>).</summary>
    string Name { get; }

    /// <summary>True when the store answers now.</summary>
    ValueTask<bool> IsReachableAsync(CancellationToken cancellationToken = default);
}
