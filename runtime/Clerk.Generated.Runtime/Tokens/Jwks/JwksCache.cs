using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clerk.Generated.Tokens.Jwks;

/// <summary>
/// Signing keys fetched from Clerk and kept in memory (clerk-rs <c>MemoryCacheJwksProvider</c>, done carefully):
/// <list type="bullet">
/// <item>keys are reused for <see cref="JwksCacheOptions.TimeToLive"/> (1 h) and the lookup of a cached key neither
/// allocates nor waits;</item>
/// <item>single flight: however many validations find the cache cold at once, one request goes to Clerk and all
/// of them wait for it;</item>
/// <item>an unknown <c>kid</c> triggers at most one refresh per <see cref="JwksCacheOptions.UnknownKeyRefreshInterval"/>
/// (5 min), which picks up key rotation without letting random key ids flood Clerk;</item>
/// <item>when Clerk is unreachable, expired keys keep being served for <see cref="JwksCacheOptions.MaxStaleness"/>,
/// then lookups fail with <see cref="JwksKeyLookupStatus.Unavailable"/>.</item>
/// </list>
/// One instance serves one source (one API URL and secret key, or one JWKS URL): keys of different instances of
/// Clerk never mix. The <see cref="HttpClient"/> is the caller's (for example from <c>IHttpClientFactory</c>).
/// </summary>
public sealed class JwksCache : IJwksProvider
{
    /// <summary>A JWKS larger than this is refused; Clerk's is a few kilobytes.</summary>
    private const int MaxDocumentBytes = 1024 * 1024;

    private readonly HttpClient _httpClient;
    private readonly Uri _jwksUrl;
    private readonly string? _secretKey;
    private readonly JwksCacheOptions _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private volatile Snapshot _snapshot = Snapshot.Empty;
    private Task<Snapshot>? _inFlight;
    private DateTimeOffset _lastUnknownKeyRefresh = DateTimeOffset.MinValue;
    private long _fetchCount;
    private long _documentFetchCount;

    /// <summary>Creates a cache. No request is made until a key is needed.</summary>
    /// <param name="httpClient">The client requests go through; it is not disposed by the cache.</param>
    /// <param name="options">The key source and timings; copied now.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Receives fetch outcomes (never the secret key).</param>
    public JwksCache(HttpClient httpClient, JwksCacheOptions options, TimeProvider? timeProvider = null, ILogger<JwksCache>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        if (options.JwksUrl is null && string.IsNullOrEmpty(options.SecretKey))
        {
            throw new ArgumentException("Set either JwksUrl or SecretKey (with ApiUrl) to say where keys come from.", nameof(options));
        }

        foreach (var (name, value) in new[]
                 {
                     (nameof(options.TimeToLive), options.TimeToLive),
                     (nameof(options.FetchTimeout), options.FetchTimeout),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(options), value, $"{name} must be positive.");
            }
        }

        if (options.UnknownKeyRefreshInterval < TimeSpan.Zero || options.MaxStaleness < TimeSpan.Zero || options.FailureBackoff < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Intervals must not be negative.");
        }

        _httpClient = httpClient;
        if (options.JwksUrl is { } jwksUrl)
        {
            ClerkUrlPolicy.ThrowIfNotAllowed(jwksUrl, "JwksCacheOptions.JwksUrl");
        }
        else
        {
            ClerkUrlPolicy.ThrowIfNotAllowed(options.ApiUrl, "JwksCacheOptions.ApiUrl");
        }

        _secretKey = options.JwksUrl is null ? options.SecretKey : null;
        _jwksUrl = options.JwksUrl ?? new Uri(EnsureTrailingSlash(options.ApiUrl), "v1/jwks");
        _settings = new JwksCacheOptions
        {
            TimeToLive = options.TimeToLive,
            UnknownKeyRefreshInterval = options.UnknownKeyRefreshInterval,
            MaxStaleness = options.MaxStaleness,
            FailureBackoff = options.FailureBackoff,
            FetchTimeout = options.FetchTimeout,
            SharedCache = options.SharedCache,
        };
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Scope = ComputeScope(_jwksUrl, _secretKey);
    }

    /// <summary>
    /// Identifies this cache's source (URL and secret key) without revealing the key: the first bytes of a SHA-256
    /// of both, in hex. Two caches with the same scope would hold the same keys.
    /// </summary>
    public string Scope { get; }

    /// <summary>The URL keys are fetched from.</summary>
    public Uri JwksUrl => _jwksUrl;

    /// <summary>How many fetches were started since creation (successful or not).</summary>
    public long FetchCount => Interlocked.Read(ref _fetchCount);

    /// <summary>How many requests for the document went to Clerk (with a shared cache, fewer than <see cref="FetchCount"/>).</summary>
    public long DocumentFetchCount => Interlocked.Read(ref _documentFetchCount);

    /// <summary>When the keys held were fetched (or read from the fleet's shared cache); null before the first success.</summary>
    public DateTimeOffset? KeysFetchedAt => _snapshot.HasKeys ? _snapshot.FetchedAt : null;

    /// <summary>The state of the keys at <paramref name="now"/>, for health checks.</summary>
    public JwksHealth Health(DateTimeOffset now)
    {
        var snapshot = _snapshot;
        if (!snapshot.HasKeys)
        {
            return snapshot.LastFailureAt == DateTimeOffset.MinValue ? JwksHealth.NotFetchedYet : JwksHealth.NeverFetched;
        }

        return now >= snapshot.FetchedAt + _settings.TimeToLive ? JwksHealth.Stale
            : snapshot.LastFailureAt > snapshot.FetchedAt ? JwksHealth.LastFetchFailed
            : JwksHealth.Fresh;
    }

    /// <summary>The keys currently held (possibly stale), empty before the first successful fetch.</summary>
    public JsonWebKeySet CurrentKeys => _snapshot.Keys;

    /// <inheritdoc />
    public bool TryGetKey(ReadOnlySpan<char> keyId, [NotNullWhen(true)] out ClerkSigningKey? key)
    {
        var snapshot = _snapshot;
        if (snapshot.HasKeys && _time.GetUtcNow() < snapshot.FetchedAt + _settings.TimeToLive)
        {
            return snapshot.Keys.TryGetKey(keyId, out key);
        }

        key = null;
        return false;
    }

    /// <inheritdoc />
    public async ValueTask<JwksKeyLookup> GetKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        var now = _time.GetUtcNow();
        var snapshot = _snapshot;
        var fresh = snapshot.HasKeys && now < snapshot.FetchedAt + _settings.TimeToLive;
        if (fresh)
        {
            if (snapshot.Keys.TryGetKey(keyId, out var known))
            {
                return JwksKeyLookup.Found(known);
            }

            var refresh = StartUnknownKeyRefresh(now);
            if (refresh is null)
            {
                return JwksKeyLookup.UnknownKey;
            }

            snapshot = await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
            return snapshot.Keys.TryGetKey(keyId, out var rotated) ? JwksKeyLookup.Found(rotated) : JwksKeyLookup.UnknownKey;
        }

        var load = StartLoad(now);
        if (load is not null)
        {
            snapshot = await load.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        now = _time.GetUtcNow();
        if (snapshot.HasKeys && now < snapshot.FetchedAt + _settings.TimeToLive + _settings.MaxStaleness)
        {
            if (now >= snapshot.FetchedAt + _settings.TimeToLive)
            {
                JwksLog.ServingStaleKeys(_logger, Scope, now - snapshot.FetchedAt);
            }

            return snapshot.Keys.TryGetKey(keyId, out var key) ? JwksKeyLookup.Found(key) : JwksKeyLookup.UnknownKey;
        }

        return JwksKeyLookup.Unavailable;
    }

    /// <summary>Fetches keys now (sharing a fetch already running), for warm-up at start-up.</summary>
    /// <returns>True when keys are held afterwards.</returns>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        Task<Snapshot> task;
        lock (_gate)
        {
            task = _inFlight ?? StartFetchLocked();
        }

        var snapshot = await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.HasKeys;
    }

    /// <summary>Joins or starts a refresh for an unknown key id, or returns null when the rate limit forbids one.</summary>
    private Task<Snapshot>? StartUnknownKeyRefresh(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_inFlight is not null)
            {
                return _inFlight;
            }

            if (now - _lastUnknownKeyRefresh < _settings.UnknownKeyRefreshInterval
                || now - _snapshot.LastFailureAt < _settings.FailureBackoff)
            {
                return null;
            }

            _lastUnknownKeyRefresh = now;
            return StartFetchLocked(bypassShared: true);
        }
    }

    /// <summary>Joins or starts a load of expired or missing keys, or returns null while backing off after a failure.</summary>
    private Task<Snapshot>? StartLoad(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_inFlight is not null)
            {
                return _inFlight;
            }

            var snapshot = _snapshot;
            if (snapshot.HasKeys && now < snapshot.FetchedAt + _settings.TimeToLive)
            {
                return Task.FromResult(snapshot);
            }

            return now - snapshot.LastFailureAt < _settings.FailureBackoff ? null : StartFetchLocked();
        }
    }

    private Task<Snapshot> StartFetchLocked(bool bypassShared = false)
    {
        var completion = new TaskCompletionSource<Snapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        _inFlight = completion.Task;
        Interlocked.Increment(ref _fetchCount);

        // The fetch belongs to the cache, not to the first caller: one caller's cancellation must not fail the others.
        _ = Task.Run(async () =>
        {
            Snapshot next;
            try
            {
                next = await FetchAsync(bypassShared).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Whatever a custom handler throws, waiting validations must get an answer, never hang.
                JwksLog.FetchFailed(_logger, Scope, ex.GetType().Name);
                next = _snapshot.WithFailure(_time.GetUtcNow());
            }

            lock (_gate)
            {
                _snapshot = next;
                _inFlight = null;
            }

            completion.SetResult(next);
        });
        return completion.Task;
    }

    private async Task<Snapshot> FetchAsync(bool bypassShared)
    {
        var previous = _snapshot;
        using var timeout = new CancellationTokenSource(_settings.FetchTimeout, _time);
        byte[]? body;
        if (_settings.SharedCache is not { } shared)
        {
            body = await FetchDocumentAsync(timeout.Token).ConfigureAwait(false);
        }
        else if (bypassShared)
        {
            body = await FetchDocumentAsync(timeout.Token).ConfigureAwait(false);
            if (body is not null)
            {
                await shared.SetAsync(SharedKey, body, _settings.TimeToLive, timeout.Token).ConfigureAwait(false);
            }
        }
        else
        {
            body = await shared.GetOrFetchAsync(SharedKey, _settings.TimeToLive, FetchDocumentAsync, timeout.Token).ConfigureAwait(false);
        }

        if (body is null)
        {
            return previous.WithFailure(_time.GetUtcNow());
        }

        try
        {
            var keys = JsonWebKeySet.Parse(body, previous.Keys);
            if (keys.Keys.Count == 0)
            {
                JwksLog.FetchFailed(_logger, Scope, "the document holds no usable RSA signing key");
                return previous.WithFailure(_time.GetUtcNow());
            }

            JwksLog.Fetched(_logger, Scope, keys.Keys.Count, keys.SkippedKeyCount);
            return new Snapshot(keys, _time.GetUtcNow(), DateTimeOffset.MinValue);
        }
        catch (FormatException ex)
        {
            JwksLog.FetchFailed(_logger, Scope, ex.GetType().Name);
            return previous.WithFailure(_time.GetUtcNow());
        }
    }

    /// <summary>The key the JWKS document is shared under: one per source, never naming the secret key.</summary>
    private string SharedKey => "clerk:jwks:" + Scope;

    /// <summary>Asks Clerk for the document; null (logged) when it cannot be had.</summary>
    private async ValueTask<byte[]?> FetchDocumentAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _documentFetchCount);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _jwksUrl);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (_secretKey is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _secretKey);
            }

            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                JwksLog.FetchFailedWithStatus(_logger, Scope, (int)response.StatusCode);
                return null;
            }

            if (response.Content.Headers.ContentLength > MaxDocumentBytes)
            {
                JwksLog.FetchFailed(_logger, Scope, "the document is too large");
                return null;
            }

            var body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                JwksLog.FetchFailed(_logger, Scope, "the document is too large");
            }

            return body;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            JwksLog.FetchFailed(_logger, Scope, ex.GetType().Name);
            return null;
        }
    }

    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxDocumentBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static string ComputeScope(Uri url, string? secretKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri + "\n" + secretKey));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>What the cache knows at one moment; replaced whole, never mutated.</summary>
    private sealed record Snapshot(JsonWebKeySet Keys, DateTimeOffset FetchedAt, DateTimeOffset LastFailureAt)
    {
        public static Snapshot Empty { get; } = new(JsonWebKeySet.Empty, DateTimeOffset.MinValue, DateTimeOffset.MinValue);

        public bool HasKeys => Keys.Keys.Count > 0;

        public Snapshot WithFailure(DateTimeOffset at) => this with { LastFailureAt = at };
    }
}
