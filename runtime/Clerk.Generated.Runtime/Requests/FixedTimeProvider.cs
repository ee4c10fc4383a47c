namespace Clerk.Generated.Requests;

/// <summary>A clock stopped at one instant: lets a token's signature and claims be checked "as of" a chosen time.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
