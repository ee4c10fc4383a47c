using Clerk.Generated.Fleet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Clerk.Generated.Redis;

/// <summary>
/// The fleet's one connection to Redis, and whether Redis answers. The connection is made in the background and
/// remade after an outage by StackExchange.Redis itself; commands made while it is down fail at once (no backlog),
/// so callers fall back to local state instead of waiting. An outage is logged once when it starts and once when it
/// ends.
/// </summary>
public sealed partial class ClerkRedisConnection : IClerkSharedStoreHealth, IAsyncDisposable, IDisposable
{
    private readonly ILogger _logger;
    private int _down;

    /// <summary>Connects (in the background: a Redis that is down does not stop start-up).</summary>
    public ClerkRedisConnection(ClerkRedisOptions options, ILogger<ClerkRedisConnection>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.KeyPrefix, "ClerkRedisOptions.KeyPrefix");
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        KeyPrefix = options.KeyPrefix;
        var configuration = ConfigurationOptions.Parse(options.Configuration);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        var timeout = (int)options.CommandTimeout.TotalMilliseconds;
        configuration.ConnectTimeout = timeout;
        configuration.SyncTimeout = timeout;
        configuration.AsyncTimeout = timeout;
        configuration.ConnectRetry = 1;
        configuration.ReconnectRetryPolicy = new LinearRetry(500);
        Multiplexer = ConnectionMultiplexer.Connect(configuration);
    }

    /// <summary>The multiplexer shared by every Redis-backed piece (and the <c>IDistributedCache</c> of the shared cache).</summary>
    public IConnectionMultiplexer Multiplexer { get; }

    /// <summary>Prefix of every key written.</summary>
    public string KeyPrefix { get; }

    /// <summary>False from a failed command until the next one that succeeds.</summary>
    public bool IsAvailable => Volatile.Read(ref _down) == 0;

    /// <inheritdoc />
    public string Name => "redis";

    internal IDatabase Database => Multiplexer.GetDatabase();

    /// <inheritdoc />
    public ValueTask<bool> IsReachableAsync(CancellationToken cancellationToken = default) =>
        RunAsync("ping", async db => { await db.PingAsync().ConfigureAwait(false); return true; }, static () => ValueTask.FromResult(false));

    internal RedisKey Key(string name) => KeyPrefix + name;

    /// <summary>Runs <paramref name="command"/>; when Redis fails, logs the outage (once) and returns <paramref name="fallback"/>'s answer.</summary>
    internal async ValueTask<T> RunAsync<T>(string what, Func<IDatabase, Task<T>> command, Func<ValueTask<T>> fallback)
    {
        T result;
        try
        {
            result = await command(Database).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            if (Interlocked.Exchange(ref _down, 1) == 0)
            {
                LogOutage(_logger, what, ex.GetType().Name);
            }

            return await fallback().ConfigureAwait(false);
        }

        MarkAvailable();
        return result;
    }

    /// <summary>Records that a command went through, logging the end of an outage.</summary>
    internal void MarkAvailable()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
        {
            LogRecovered(_logger);
        }
    }

    /// <summary>Records a failure seen by a caller that handled it itself.</summary>
    internal void MarkUnavailable(string what, Exception exception)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            LogOutage(_logger, what, exception.GetType().Name);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Multiplexer.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => Multiplexer.Dispose();

    [LoggerMessage(1, LogLevel.Warning, "Redis is unavailable ({What}: {Error}); this instance falls back to local state until it returns")]
    private static partial void LogOutage(ILogger logger, string what, string error);

    [LoggerMessage(2, LogLevel.Information, "Redis is available again; this instance shares state with the fleet again")]
    private static partial void LogRecovered(ILogger logger);
}
