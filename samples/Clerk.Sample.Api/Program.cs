using Clerk.Generated;
using Clerk.Generated.Authorization;
using Clerk.Generated.Guards;
using Clerk.Generated.Http;
using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Clerk.Sample.Api;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc;

var builder = WebApplication.CreateSlimBuilder(args);
// The sample's JSON context also covers ProblemDetails (the 502/503 answers of /me/profile): under Native AOT that is all
// TypedResults.Problem needs, without AddProblemDetails and the services it adds to every start. Clerk's own 401/403
// bodies need neither.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleJsonContext.Default));

var clerk = SampleClerkSettings.Read(builder.Configuration, builder.Environment);
// AddAuthentication(…).AddClerk(…) without the Data Protection services, which nothing here uses and which would
// otherwise load their key ring before the first request.
builder.Services.AddClerkAuthentication(clerk.Apply);
builder.Services.AddAuthorization();
if (clerk.SecretKey is not null)
{
    // The Backend API client, from the generator; only with a secret key, so the sample still starts without one.
    builder.Services.AddClerkClient(o => o.SecretKey = clerk.SecretKey);
}

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

string[] routes =
[
    "GET /            this page (public)",
    "GET /health      liveness (public)",
    "GET /me          the session (any valid token)",
    "GET /org         the active organization",
    "GET /org/invoices  needs org:invoices:read",
    "GET /org/settings  needs role org:admin",
    "GET /me/profile  the user from the Backend API (needs CLERK_SECRET_KEY)",
];
app.MapGet("/", () => new IndexResponse("Clerk.Sample.Api", clerk.UsesDevelopmentKey ? "development" : "configured", routes));
app.MapGet("/health", () => "ok");

// A ClerkJwt parameter is a guard: the handler only runs with a valid token (401 otherwise).
app.MapGet("/me", (ClerkJwt jwt) => new SessionResponse(jwt.Subject, jwt.SessionId));

var org = app.MapGroup("/org").RequireActiveOrganization();
org.MapGet("/", (ClerkJwt jwt) =>
{
    var o = jwt.Organization!;
    return new OrganizationResponse(o.Id, o.Slug, o.Role, o.Permissions);
});
org.MapGet("/invoices", (ClerkJwt jwt) => new InvoicesResponse(
        jwt.Organization!.Id,
        [new Invoice("in_1001", 120.50m, "EUR"), new Invoice("in_1002", 75.00m, "EUR")]))
    .RequireOrganizationPermission("org:invoices:read");
org.MapGet("/settings", (ClerkJwt jwt) => new OrganizationResponse(jwt.Organization!.Id, jwt.Organization.Slug, jwt.Organization.Role, []))
    .RequireOrganizationRole("org:admin");

// The generated client as a handler parameter (its interface, which AddClerkClient registers, so tests can stub it),
// bound at compile time by the request-delegate generator (Native AOT): it comes from Clerk.Sample.BackendApi, a
// referenced library. Optional, because it is registered only with a secret key; without one, or when Clerk cannot
// be reached, a clear problem, never a crash.
app.MapGet("/me/profile", async Task<IResult> (ClerkJwt jwt, [FromServices] IClerkClient? client, CancellationToken cancellationToken) =>
{
    if (client is null)
    {
        return TypedResults.Problem(
            "The Backend API is not configured: set CLERK_SECRET_KEY to call it.", statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Clerk Backend API not configured");
    }

    try
    {
        var user = await client.Users.GetAsync(jwt.Subject, cancellationToken);
        return TypedResults.Ok(new ProfileResponse(user.Id, user.FirstName, user.LastName, user.Username));
    }
    catch (ClerkApiException e)
    {
        return TypedResults.Problem(
            $"Clerk answered {(int)e.StatusCode} ({e.ErrorCode ?? "no code"}).", statusCode: StatusCodes.Status502BadGateway,
            title: "Clerk Backend API error");
    }
    catch (Exception e) when (e is HttpRequestException or ClerkTimeoutException or ClerkResponseException)
    {
        return TypedResults.Problem(
            "Clerk's Backend API could not be reached or gave an unreadable answer.", statusCode: StatusCodes.Status502BadGateway,
            title: "Clerk Backend API unreachable");
    }
});

if (clerk.UsesDevelopmentKey)
{
    app.Lifetime.ApplicationStarted.Register(() => _ = PrintDevelopmentTokenSoonAsync(app));
}

app.Run();

// Minting imports the development private key and makes an RSA signature: done a moment after the server listens, on
// the thread pool, so it never competes with the first requests for the CPU. A person reading the console sees no
// difference.
static async Task PrintDevelopmentTokenSoonAsync(WebApplication app)
{
    try
    {
        await Task.Delay(TimeSpan.FromMilliseconds(250), app.Lifetime.ApplicationStopping);
    }
    catch (OperationCanceledException)
    {
        return;
    }

    PrintDevelopmentToken(app);
}

static void PrintDevelopmentToken(WebApplication app)
{
    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                  ?? "http://localhost:5000";
    var tokens = ClerkDevelopmentKey.CreateTokens();
    var token = tokens.Mint(ClerkDevelopmentKey.Descriptor() with
    {
        Subject = "user_development",
        SessionId = "sess_development",
        Lifetime = TimeSpan.FromHours(8),
        Organization = new ClerkTestOrganization("org_development", "acme", "member", ["org:invoices:read"]),
    });
    app.Logger.LogWarning(
        "No Clerk credentials configured: validating with the public development key. Anyone can mint tokens for it; set CLERK_SECRET_KEY or CLERK_JWT_KEY for anything real.");
    Console.WriteLine($"""

        Development token (8 hours, user_development, org_development as org:member with org:invoices:read):
          curl -H "Authorization: Bearer {token}" {address}/org/invoices

        """);
}

/// <summary>The entry point, visible to WebApplicationFactory-based tests.</summary>
public partial class Program;
