using System.Collections.Concurrent;
using System.Text.Json;
using Clerk.Generated.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clerk.Generated.Fleet.Tests;

/// <summary>
/// Clerk's Backend API as far as the fleet uses it, on loopback, counting every call: the JWKS, M2M token
/// verification, and <c>POST /ran/{id}?instance=…</c>, where the service's webhook handler reports each run (and is told to fail
/// the first run of each delivery while <see cref="FailFirstRun"/> is set).
/// </summary>
internal sealed class StubBackendApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _jwksFetches;

    public StubBackendApi(ClerkTestKey key)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/v1/jwks", () =>
        {
            Interlocked.Increment(ref _jwksFetches);
            return Results.Text(key.ToJwksJson(), "application/json");
        });
        _app.MapPost("/v1/m2m_tokens/verify", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var token = body.RootElement.GetProperty("token").GetString()!;
            MachineVerifications.AddOrUpdate(token, 1, static (_, n) => n + 1);
            var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();
            return Results.Text($$"""{"id":"mt_{{token[^12..]}}","subject":"mch_fleet","scopes":[],"expiration":{{expires}}}""", "application/json");
        });
        _app.MapGet("/v1/limited", (HttpResponse response) =>
        {
            lock (_arrivals)
            {
                LimitedCalls++;
                if (ForceRetryAfterSeconds is { } seconds)
                {
                    ForceRetryAfterSeconds = null;
                    response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Results.StatusCode(429);
                }

                var now = System.Diagnostics.Stopwatch.GetTimestamp();
                while (_arrivals.Count > 0 && System.Diagnostics.Stopwatch.GetElapsedTime(_arrivals.Peek(), now) > RateWindow)
                {
                    _arrivals.Dequeue();
                }

                if (_arrivals.Count >= RateLimit)
                {
                    LimitedOverLimit++;
                    response.Headers.RetryAfter = "1";
                    return Results.StatusCode(429);
                }

                _arrivals.Enqueue(now);
                LimitedServed++;
                return Results.Ok();
            }
        });
        _app.MapPost("/ran/{id}", (string id, string instance) =>
        {
            HandlerAttemptsByInstance.AddOrUpdate((id, instance), 1, static (_, n) => n + 1);
            var attempt = HandlerAttempts.AddOrUpdate(id, 1, static (_, n) => n + 1);
            if (FailFirstRun && attempt == 1)
            {
                return Results.StatusCode(500);
            }

            HandlerSuccesses.AddOrUpdate(id, 1, static (_, n) => n + 1);
            return Results.Ok();
        });
    }

    /// <summary>Calls allowed per second at <c>GET /v1/limited</c>; more answer 429 and count as over the limit.</summary>
    public const int RateLimit = 20;

    /// <summary>
    /// The stub counts calls in the last 700 ms against <see cref="RateLimit"/> rather than the last second: a call
    /// granted at t reaches the stub a little later (loopback, scheduling on a busy machine), and 300 ms of such
    /// delay must not make a fleet that kept to the limit look as if it broke it.
    /// </summary>
    private static readonly TimeSpan RateWindow = TimeSpan.FromMilliseconds(700);

    private readonly Queue<long> _arrivals = new();

    public int LimitedServed { get; private set; }

    public int LimitedOverLimit { get; private set; }

    public int LimitedCalls { get; private set; }

    /// <summary>When set, the next call to <c>/v1/limited</c> is answered 429 with this Retry-After (in seconds).</summary>
    public int? ForceRetryAfterSeconds { get; set; }

    public Uri Url { get; private set; } = null!;

    public int JwksFetches => Volatile.Read(ref _jwksFetches);

    public ConcurrentDictionary<string, int> MachineVerifications { get; } = new();

    public ConcurrentDictionary<string, int> HandlerAttempts { get; } = new();

    public ConcurrentDictionary<string, int> HandlerSuccesses { get; } = new();

    /// <summary>Handler runs per delivery id and instance (the instance's port, as it reports itself).</summary>
    public ConcurrentDictionary<(string Id, string Instance), int> HandlerAttemptsByInstance { get; } = new();

    public bool FailFirstRun { get; set; }

    public async Task StartAsync()
    {
        await _app.StartAsync();
        Url = new Uri(_app.Urls.First() + "/");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
