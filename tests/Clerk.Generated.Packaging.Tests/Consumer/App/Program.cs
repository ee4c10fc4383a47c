using Clerk.Generated;
using Clerk.Generated.Authentication;
using Clerk.Generated.Authorization;
using Clerk.Generated.Guards;
using Clerk.Generated.Tokens;
using Clerk.Generated.Webhooks;

// Keys come from the environment, as in production: CLERK_SECRET_KEY (session tokens through Clerk's JWKS, and the
// Backend API client) and CLERK_WEBHOOK_SIGNING_SECRET (the webhook endpoint).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddAuthentication(ClerkAuthenticationDefaults.AuthenticationScheme).AddClerk();
builder.Services.AddAuthorization(o => o.AddPolicy("invoices", p => p.RequireClerkSession().RequireOrganizationPermission("org:invoices:read")));
builder.Services.AddClerkClient();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/health", () => "ok");
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
