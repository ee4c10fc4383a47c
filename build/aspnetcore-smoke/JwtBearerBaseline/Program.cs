using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Clerk.Generated.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

// The same service as the sample's GET /me, with JwtBearer in place of Clerk: same key, issuer pinning, RS256 only,
// lifetime with 5 s of skew, no audience (Clerk session tokens have none). Same host builder, same logging
// configuration (appsettings.json, a copy of the sample's) and the same response as the sample.
// With Baseline:Authentication=none (Baseline__Authentication=none in the environment), the ceiling: the same host,
// configuration and response with no authentication at all, so a load run can say how much of a request is left to
// gain. With Baseline:DataProtection=none, JwtBearer without the Data Protection services AddAuthentication registers,
// as the sample's AddClerkAuthentication leaves them out: the like-for-like start-up comparison.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BaselineJsonContext.Default));
var authenticate = !string.Equals(builder.Configuration["Baseline:Authentication"], "none", StringComparison.OrdinalIgnoreCase);
if (authenticate)
{
    var registeredBefore = builder.Services.Count;
    AddJwtBearer(builder.Services);
    if (string.Equals(builder.Configuration["Baseline:DataProtection"], "none", StringComparison.OrdinalIgnoreCase))
    {
        RemoveDataProtectionAddedSince(builder.Services, registeredBefore);
    }
}

var app = builder.Build();
if (authenticate)
{
    app.UseAuthentication();
    app.UseAuthorization();
}

app.MapGet("/health", () => "ok");
if (authenticate)
{
    app.MapGet("/me", (ClaimsPrincipal user) => new SessionResponse(user.FindFirstValue("sub")!, user.FindFirstValue("sid")))
        .RequireAuthorization();
}
else
{
    // What the authenticated /me answers for the load's token (the development descriptor's subject and session).
    var session = ClerkDevelopmentKey.Descriptor();
    app.MapGet("/me", () => new SessionResponse(session.Subject!, session.SessionId));
}

app.Run();

static void AddJwtBearer(IServiceCollection services)
{
    var rsa = RSA.Create();
    rsa.ImportFromPem(ClerkDevelopmentKey.PublicKeyPem);
    services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
    {
        o.MapInboundClaims = false;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(rsa) { KeyId = ClerkDevelopmentKey.KeyId },
            ValidIssuer = ClerkDevelopmentKey.Issuer,
            ValidateAudience = false,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(5),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            NameClaimType = "sub",
        };
    });
    services.AddAuthorization();
}

static void RemoveDataProtectionAddedSince(IServiceCollection services, int registeredBefore)
{
    static bool FromDataProtection(Type? type) =>
        type?.Namespace?.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal) == true
        || (type is { IsConstructedGenericType: true } && type.GenericTypeArguments.Any(FromDataProtection));

    for (var i = services.Count - 1; i >= registeredBefore; i--)
    {
        if (FromDataProtection(services[i].ServiceType)
            || FromDataProtection(services[i].IsKeyedService ? services[i].KeyedImplementationType : services[i].ImplementationType))
        {
            services.RemoveAt(i);
        }
    }
}

internal sealed record SessionResponse(string UserId, string? SessionId);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SessionResponse))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
