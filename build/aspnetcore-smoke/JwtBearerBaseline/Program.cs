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
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BaselineJsonContext.Default));
var rsa = RSA.Create();
rsa.ImportFromPem(ClerkDevelopmentKey.PublicKeyPem);
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
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
builder.Services.AddAuthorization();
var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/health", () => "ok");
app.MapGet("/me", (ClaimsPrincipal user) => new SessionResponse(user.FindFirstValue("sub")!, user.FindFirstValue("sid")))
    .RequireAuthorization();
app.Run();

internal sealed record SessionResponse(string UserId, string? SessionId);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SessionResponse))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
