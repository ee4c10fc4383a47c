using Clerk.Generated;
using Clerk.Generated.Authorization;
using Clerk.Generated.Guards;
using Clerk.Generated.Redis;
using Clerk.Generated.Tokens;
using Clerk.Generated.Webhooks;

// Keys come from the environment, as in production: CLERK_SECRET_KEY (session tokens through Clerk's JWKS, and the
// Backend API client) and CLERK_WEBHOOK_SIGNING_SECRET (the webhook endpoint). CLERK_REDIS, when set, is the fleet's
// Redis (a StackExchange.Redis configuration string): webhook deliveries, keys and the Backend API rate limit are then
// shared with the other instances.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddClerkAuthentication();
builder.Services.AddAuthorization(o => o.AddPolicy("invoices", p => p.RequireClerkSession().RequireOrganizationPermission("org:invoices:read")));
var clerkClient = builder.Services.AddClerkClient();
if (builder.Configuration["CLERK_REDIS"] is { Length: > 0 } redis)
{
    builder.Services.AddClerkRedis(o => o.Configuration = redis);
    clerkClient.AddClerkSharedRateLimit(
        builder.Configuration["CLERK_SECRET_KEY"] ?? throw new InvalidOperationException("CLERK_SECRET_KEY is not set"), o => o.PermitLimit = 90);
}

builder.Services.AddHealthChecks().AddClerk();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/health", () => "ok");
app.MapHealthChecks("/health/clerk");
app.MapGet("/me", (ClerkJwt jwt) => jwt.Subject).RequireClerk();
app.MapGet("/invoices", () => "in_1001").RequireAuthorization("invoices");
// The generated client (as its interface, which AddClerkClient registers) as a handler parameter: bound from DI by the
// request-delegate generator under Native AOT, because the type comes from a referenced library.
app.MapGet("/users/{id}", async (string id, IClerkClient clerk, CancellationToken cancellationToken) =>
    (await clerk.Users.GetAsync(id, cancellationToken)).FirstName ?? "").RequireClerk();
app.MapClerkWebhooks("/webhooks/clerk", handlers => handlers.On("user.created", (_, _) => Task.CompletedTask));

app.Run();

/// <summary>The entry point, for WebApplicationFactory.</summary>
public partial class Program;
