namespace Clerk.Generated.Redis;

/// <summary>Lua scripts more than one piece runs (scripts take KEYS and ARGV, so no reflection over parameters).</summary>
internal static class RedisScripts
{
    /// <summary>Deletes KEYS[1] only when it still holds ARGV[1] (its owner): a late release never frees another's claim.</summary>
    public const string DeleteIfEquals = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;
}
