namespace Clerk.Generated.Redis;

/// <summary>Where the fleet's Redis is and how its keys are named.</summary>
public sealed class ClerkRedisOptions
{
    /// <summary>A StackExchange.Redis configuration string, for example <c>redis.internal:6379,password=…</c>.</summary>
    public string Configuration { get; set; } = "localhost:6379";

    /// <summary>Prefix of every key written (default <c>clerk:</c>), so several applications can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "clerk:";

    /// <summary>How long one Redis command may take before the local fallback answers instead. Default 2 seconds.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Never renders the configuration string: it may hold a password.</summary>
    public override string ToString() => $"{nameof(ClerkRedisOptions)}(prefix {KeyPrefix})";
}
