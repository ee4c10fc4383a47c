using Microsoft.Extensions.Internal;

namespace Clerk.Generated.Tokens;

/// <summary>Lets <see cref="Microsoft.Extensions.Caching.Memory.MemoryCache"/> expire entries on the validator's clock.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
