using System.Collections.Concurrent;
using System.Security.Cryptography;
using Clerk.Generated.Authentication;
using Clerk.Generated.Testing;

namespace Clerk.Sample.Pages;

/// <summary>
/// DEVELOPMENT STAND-IN for Clerk's frontend API and the one Backend API endpoint the handshake needs, served by this
/// app under <see cref="PathPrefix"/> so the sample runs offline. It signs anyone in as <see cref="UserId"/> with the
/// public development key, so it is mapped only in the Development environment and never with real credentials.
/// It answers as Clerk does: <c>GET /v1/client/handshake?redirect_url=…&amp;format=nonce</c> sends the browser back with
/// <c>__clerk_handshake_nonce</c>, and <c>GET /v1/clients/handshake_payload?nonce=…</c> (with the secret key) returns
/// the cookie directives once. Clerk's hosted sign-in is reduced to <c>/sign-in</c> and <c>/sign-out</c>.
/// </summary>
public sealed class DevelopmentFrontendApi
{
    /// <summary>Where the stand-in is mapped; the authenticator's proxy URL, so handshakes come here.</summary>
    public const string PathPrefix = "/__dev-fapi";

    /// <summary>The user every development sign-in becomes.</summary>
    public const string UserId = "user_development";

    /// <summary>A production-style key for <c>clerk.development.invalid</c>: no development-browser token is involved.</summary>
    public const string PublishableKey = "pk_live_Y2xlcmsuZGV2ZWxvcG1lbnQuaW52YWxpZCQ=";

    /// <summary>What the app presents to the stand-in's Backend API endpoint; it opens nothing else.</summary>
    public const string SecretKey = "sk_live_development_stand_in";

    /// <summary>Session tokens live a minute, as Clerk's do, so a stale cookie (and the handshake) shows up quickly.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromSeconds(60);

    private const string ClientCookie = "__dev_fapi_client";
    private const int MaxPendingNonces = 1000;

    private readonly ClerkTestTokens _tokens = ClerkDevelopmentKey.CreateTokens();
    private readonly ConcurrentDictionary<string, string[]> _nonces = new(StringComparer.Ordinal);

    /// <summary>The stand-in's absolute URL, known once the server listens.</summary>
    public Uri? BaseUrl { get; private set; }

    /// <summary>Records the address the app listens on.</summary>
    public void Start(Uri appAddress) => BaseUrl = new Uri(appAddress, PathPrefix + "/");

    /// <summary>Points the scheme at the stand-in: development key, handshakes through <see cref="PathPrefix"/>.</summary>
    public void Apply(ClerkAuthenticationOptions options)
    {
        options.PublishableKey = PublishableKey;
        options.SecretKey = SecretKey;
        options.JwtKey = ClerkDevelopmentKey.PublicKeyPem;
        options.Issuer = ClerkDevelopmentKey.Issuer;
        // The development tokens carry no azp.
        options.AllowSessionCookieWithoutAuthorizedParties = true;
        options.ConfigureRequestAuthenticator = r =>
        {
            r.ProxyUrl = PathPrefix;
            // The authenticator is created on the first request, after Start.
            r.ApiUrl = BaseUrl ?? throw new InvalidOperationException("The development stand-in has not started.");
        };
    }

    /// <summary>The request is for the stand-in.</summary>
    public static bool Serves(HttpRequest request) => request.Path.StartsWithSegments(PathPrefix, StringComparison.Ordinal);

    /// <summary>Answers a request under <see cref="PathPrefix"/>.</summary>
    public Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var result = !HttpMethods.IsGet(context.Request.Method) ? Results.StatusCode(StatusCodes.Status405MethodNotAllowed)
            : context.Request.Path.Value switch
            {
                PathPrefix + "/sign-in" => SignIn(context, query["redirect_url"]),
                PathPrefix + "/sign-out" => SignOut(context, query["redirect_url"]),
                PathPrefix + "/v1/client/handshake" => Handshake(context, query["redirect_url"], query["format"]),
                PathPrefix + "/v1/clients/handshake_payload" => HandshakePayload(context, query["nonce"]),
                _ => Results.NotFound(),
            };
        return result.ExecuteAsync(context);
    }

    /// <summary>Signs the browser's client in (the stand-in's own cookie) and sets <c>__client_uat</c>, as Clerk's sign-in does.</summary>
    private static IResult SignIn(HttpContext context, string? redirect_url)
    {
        if (!IsLocalPath(redirect_url))
        {
            return Results.BadRequest("redirect_url must be a path on this app.");
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Cookies.Append(ClientCookie, now, new CookieOptions { Path = PathPrefix, HttpOnly = true, SameSite = SameSiteMode.Lax });
        context.Response.Cookies.Append("__client_uat", now, new CookieOptions { Path = "/", SameSite = SameSiteMode.Lax });
        return Results.Redirect(redirect_url!, permanent: false, preserveMethod: true);
    }

    private static IResult SignOut(HttpContext context, string? redirect_url)
    {
        context.Response.Cookies.Delete(ClientCookie, new CookieOptions { Path = PathPrefix });
        context.Response.Cookies.Delete("__session", new CookieOptions { Path = "/" });
        context.Response.Cookies.Append("__client_uat", "0", new CookieOptions { Path = "/", SameSite = SameSiteMode.Lax });
        return Results.Redirect(IsLocalPath(redirect_url) ? redirect_url! : "/", permanent: false, preserveMethod: true);
    }

    /// <summary>
    /// The frontend API's handshake: a fresh session for a signed-in client, signed-out cookies otherwise, handed back
    /// as a nonce the app redeems at the Backend API.
    /// </summary>
    private IResult Handshake(HttpContext context, string? redirect_url, string? format)
    {
        if (format != "nonce")
        {
            return Results.BadRequest("The development stand-in answers format=nonce only.");
        }

        if (redirect_url is null || !Uri.TryCreate(redirect_url, UriKind.Absolute, out var back) || !IsThisApp(context, back))
        {
            return Results.BadRequest("redirect_url must be an absolute URL on this app.");
        }

        string[] directives = context.Request.Cookies[ClientCookie] is { } signedInAt && long.TryParse(signedInAt, out _)
            ? [$"__session={MintSession()}; Path=/; HttpOnly; SameSite=Lax", $"__client_uat={signedInAt}; Path=/; SameSite=Lax"]
            : ["__session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax", "__client_uat=0; Path=/; SameSite=Lax"];
        if (_nonces.Count >= MaxPendingNonces)
        {
            _nonces.Clear();
        }

        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _nonces[nonce] = directives;
        var separator = string.IsNullOrEmpty(back.Query) ? "?" : "&";
        return Results.Redirect(back.AbsoluteUri + separator + "__clerk_handshake_nonce=" + nonce, permanent: false, preserveMethod: true);
    }

    /// <summary>The Backend API's <c>GET /v1/clients/handshake_payload</c>: the directives for a nonce, once.</summary>
    private IResult HandshakePayload(HttpContext context, string? nonce)
    {
        if (context.Request.Headers.Authorization != "Bearer " + SecretKey)
        {
            return Results.Unauthorized();
        }

        return nonce is not null && _nonces.TryRemove(nonce, out var directives)
            ? Results.Json(new HandshakePayloadResponse(directives), DevelopmentJsonContext.Default.HandshakePayloadResponse)
            : Results.NotFound();
    }

    private string MintSession() => _tokens.Mint(ClerkDevelopmentKey.Descriptor() with
    {
        Subject = UserId,
        SessionId = "sess_development",
        Lifetime = SessionLifetime,
    });

    private static bool IsLocalPath(string? path) => path is { Length: > 0 } && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal) && !path.Contains('\\');

    private static bool IsThisApp(HttpContext context, Uri url) =>
        url.Scheme == context.Request.Scheme && string.Equals(url.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The body of the handshake payload endpoint.</summary>
public sealed record HandshakePayloadResponse(string[] Directives);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(HandshakePayloadResponse))]
internal sealed partial class DevelopmentJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
