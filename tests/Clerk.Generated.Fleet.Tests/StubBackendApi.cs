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
/// verification, and <c>POST /ran/{id}</c>, where the service's webhook handler reports each run (and is told to fail
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
        _app.MapPost("/ran/{id}", (string id) =>
        {
            var attempt = HandlerAttempts.AddOrUpdate(id, 1, static (_, n) => n + 1);
            if (FailFirstRun && attempt == 1)
            {
                return Results.StatusCode(500);
            }

            HandlerSuccesses.AddOrUpdate(id, 1, static (_, n) => n + 1);
            return Results.Ok();
        });
    }

    public Uri Url { get; private set; } = null!;

    public int JwksFetches => Volatile.Read(ref _jwksFetches);

    public ConcurrentDictionary<string, int> MachineVerifications { get; } = new();

    public ConcurrentDictionary<string, int> HandlerAttempts { get; } = new();

    public ConcurrentDictionary<string, int> HandlerSuccesses { get; } = new();

    public bool FailFirstRun { get; set; }

    public async Task StartAsync()
    {
        await _app.StartAsync();
        Url = new Uri(_app.Urls.First() + "/");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
