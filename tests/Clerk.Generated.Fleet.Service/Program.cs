using System.Threading.RateLimiting;
using Clerk.Generated.Fleet;
using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Redis;
using Clerk.Generated.Tokens;
using Clerk.Generated.Webhooks;

// FLEET_REDIS: Redis configuration string. FLEET_BACKEND: the (stub) Backend API base URL, which also counts handler
// runs at POST /ran/{id}?instance=FLEET_INSTANCE (a non-2xx answer makes the handler fail). CLERK_SECRET_KEY,
// CLERK_WEBHOOK_SIGNING_SECRET.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var backend = new Uri(Environment.GetEnvironmentVariable("FLEET_BACKEND") ?? throw new InvalidOperationException("FLEET_BACKEND is not set"));
var secretKey = Environment.GetEnvironmentVariable("CLERK_SECRET_KEY") ?? throw new InvalidOperationException("CLERK_SECRET_KEY is not set");
var instance = Uri.EscapeDataString(Environment.GetEnvironmentVariable("FLEET_INSTANCE") ?? "");

builder.Services.AddClerkWebhooks();
builder.Services.AddClerkRedis(o => o.Configuration = Environment.GetEnvironmentVariable("FLEET_REDIS") ?? "127.0.0.1:6379");
builder.Services.AddHttpClient("backend", c => c.BaseAddress = backend);
builder.Services.AddSingleton(sp => new ClerkMachineTokenVerifier(
    sp.GetRequiredService<IHttpClientFactory>().CreateClient("backend"),
    secretKey,
    backend,
    options: new ClerkMachineTokenVerifierOptions
    {
        SharedCache = sp.GetRequiredService<ClerkSharedCache>(),
        ValidVerdictCacheDuration = TimeSpan.FromMinutes(5),
        RateLimiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1_000, QueueLimit = 0 }),
    }));
builder.Services.AddSingleton(sp =>
{
    var options = JwksCacheOptions.ForBackendApi(secretKey, backend);
    options.SharedCache = sp.GetRequiredService<ClerkSharedCache>();
    return new JwksCache(sp.GetRequiredService<IHttpClientFactory>().CreateClient("backend"), options);
});
builder.Services.AddSingleton(sp => new ClerkTokenValidator(sp.GetRequiredService<JwksCache>()));
builder.Services.AddHealthChecks().AddClerk();

// The fleet's shared Backend API limit: FLEET_RATE_LIMIT calls per second across all instances.
var rateLimit = int.Parse(Environment.GetEnvironmentVariable("FLEET_RATE_LIMIT") ?? "20", System.Globalization.CultureInfo.InvariantCulture);
builder.Services.AddHttpClient("limited", c => c.BaseAddress = backend)
    .AddClerkSharedRateLimit(secretKey, o => { o.PermitLimit = rateLimit; o.Window = TimeSpan.FromSeconds(1); o.MaxWait = TimeSpan.FromMilliseconds(200); });

var app = builder.Build();
var ran = app.Services.GetRequiredService<IHttpClientFactory>();

app.MapClerkWebhooks("/webhooks", handlers => handlers.OnAny(async (e, ct) =>
{
    using var response = await ran.CreateClient("backend").PostAsync($"ran/{e.Envelope.Delivery!.MessageId}?instance={instance}", null, ct);
    response.EnsureSuccessStatusCode();
}));

app.MapGet("/machine", async (string token, ClerkMachineTokenVerifier verifier, CancellationToken ct) =>
{
    var result = await verifier.VerifyAsync(token, ClerkTokenTypes.M2MToken, ct);
    return Results.Text(result.Reason.ToString(), statusCode: result.IsValid ? 200 : 401);
});

app.MapGet("/session", async (HttpRequest request, ClerkTokenValidator validator, CancellationToken ct) =>
{
    var token = request.Headers.Authorization.ToString()["Bearer ".Length..];
    var result = await validator.ValidateAsync(token, ct);
    return Results.Text(result.Reason.ToString(), statusCode: result.IsValid ? 200 : 401);
});

app.MapHealthChecks("/health");

// One Backend API call through the shared limit: answers "clerk <status>" or "local 429" (refused before any call).
app.MapGet("/limited", async (IHttpClientFactory clients, CancellationToken ct) =>
{
    using var response = await clients.CreateClient("limited").GetAsync("v1/limited", ct);
    var origin = response.ReasonPhrase == "Rate limited locally" ? "local" : "clerk";
    return Results.Text($"{origin} {(int)response.StatusCode}");
});

app.MapGet("/jwks-fetches", (JwksCache keys) => Results.Text(keys.DocumentFetchCount.ToString(System.Globalization.CultureInfo.InvariantCulture)));

app.Run();
