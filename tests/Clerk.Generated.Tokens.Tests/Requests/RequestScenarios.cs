using System.Text;
using System.Text.Json.Nodes;
using Clerk.Generated.Requests;
using Clerk.Generated.Testing;

namespace Clerk.Generated.Tokens.Tests.Requests;

/// <summary>One instance configuration, as both authenticators are given it.</summary>
internal sealed record InstanceSetup(
    string Name,
    string PublishableKey,
    string[] AuthorizedParties,
    bool IsSatellite = false,
    string? Domain = null,
    string? ProxyUrl = null,
    string? SignInUrl = null,
    bool SatelliteAutoSync = false,
    string[]? OrganizationPatterns = null,
    string[]? PersonalAccountPatterns = null,
    ClerkTokenTypes AcceptsToken = ClerkTokenTypes.SessionToken)
{
    public ClerkPublishableKey Key => ClerkPublishableKey.Parse(PublishableKey);

    /// <summary>The frontend API that issues this instance's session tokens.</summary>
    public string Issuer => "https://" + Key.ResolveFrontendApi(null, Domain, IsSatellite);

    public bool IsDevelopment => Key.InstanceType == ClerkInstanceType.Development;
}

/// <summary>One request against one instance.</summary>
internal sealed record RequestScenario(int Id, string Label, InstanceSetup Setup, string Method, string Url, List<KeyValuePair<string, string>> Headers);

/// <summary>
/// Generates request scenarios over every input authenticateRequest looks at: the Authorization header (session
/// tokens in every state, machine-token shapes, other schemes), session and client_uat cookies (suffixed,
/// unsuffixed, both; stale and fresh), dev-browser tokens, returning handshakes (token in query or cookie, nonce in
/// query or cookie), the redirect counter, method, Sec-Fetch-Dest and Accept, referrers, forwarded headers,
/// satellite sync parameters and organization paths; on development and production keys, primary and satellite.
/// </summary>
internal sealed class RequestScenarios
{
    public const long NowMs = 1_778_587_200_500;
    private const long Now = NowMs / 1000;

    public static readonly string DevelopmentKey = "pk_test_" + Convert.ToBase64String(Encoding.ASCII.GetBytes("happy-hippo-12.clerk.accounts.dev$")).TrimEnd('=');
    public static readonly string ProductionKey = "pk_live_" + Convert.ToBase64String(Encoding.ASCII.GetBytes("clerk.example.com$")).TrimEnd('=');

    public static readonly InstanceSetup[] Setups =
    [
        new("dev", DevelopmentKey, []),
        new("prod", ProductionKey, []),
        new("prod-azp", ProductionKey, ["https://app.example.com", "https://admin.example.com"]),
        new("prod-proxy", ProductionKey, [], ProxyUrl: "https://app.example.com/__clerk"),
        new("prod-relative-proxy", ProductionKey, [], ProxyUrl: "/__clerk"),
        new("prod-satellite", ProductionKey, [], IsSatellite: true, Domain: "satellite.example.org", SignInUrl: "https://app.example.com/sign-in"),
        new("prod-satellite-autosync", ProductionKey, [], IsSatellite: true, Domain: "satellite.example.org", SignInUrl: "https://app.example.com/sign-in", SatelliteAutoSync: true),
        new("dev-satellite", DevelopmentKey, [], IsSatellite: true, Domain: "satellite.localhost", SignInUrl: "https://primary.example.com/sign-in"),
        new("prod-orgs", ProductionKey, [], OrganizationPatterns: ["/orgs/:slug", "/orgs/:slug/(.*)", "/org-id/:id"], PersonalAccountPatterns: ["/me", "/me/(.*)"]),
        new("dev-orgs", DevelopmentKey, [], OrganizationPatterns: ["/orgs/:slug", "/orgs/:slug/(.*)"], PersonalAccountPatterns: ["/me"]),
        new("prod-session-or-apikey", ProductionKey, [], AcceptsToken: ClerkTokenTypes.SessionToken | ClerkTokenTypes.ApiKey),
        new("prod-machine-only", ProductionKey, [], AcceptsToken: ClerkTokenTypes.ApiKey | ClerkTokenTypes.M2MToken),
        new("prod-m2m", ProductionKey, [], AcceptsToken: ClerkTokenTypes.M2MToken),
    ];

    private static readonly string[] TokenKinds =
    [
        "valid", "valid", "valid", "expired", "nbf-future", "iat-future", "bad-signature", "azp-other", "azp-missing",
        "pending", "foreign-issuer", "org-acme", "org-other", "m2m-jwt", "oauth-jwt", "m2m-category", "garbage", "no-sub",
    ];

    private readonly ClerkTestKey _key;
    private readonly ClerkTestKey _otherKey;
    private readonly Random _random;
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public RequestScenarios(ClerkTestKey key, ClerkTestKey otherKey, int seed)
    {
        _key = key;
        _otherKey = otherKey;
        _random = new Random(seed);
    }

    /// <summary>Handshake nonces the Backend API stub knows, with the cookie directives it returns for each.</summary>
    public Dictionary<string, string[]> Nonces { get; } = new(StringComparer.Ordinal);

    public List<RequestScenario> Generate(int count)
    {
        var scenarios = new List<RequestScenario>(count);
        for (var id = 0; id < count; id++)
        {
            scenarios.Add(Next(id));
        }

        return scenarios;
    }

    private RequestScenario Next(int id)
    {
        var setup = Pick(Setups);
        var labels = new List<string> { setup.Name };
        var headers = new List<KeyValuePair<string, string>>();
        var cookies = new List<string>();
        var query = new List<string>();
        var suffix = setup.Key.CookieSuffix;

        var method = Chance(0.8) ? "GET" : Pick(["POST", "PUT", "HEAD"]);
        labels.Add(method);
        var host = setup.IsSatellite ? setup.Domain! == "satellite.localhost" ? "satellite.localhost:3000" : setup.Domain! : "app.example.com";
        var scheme = host.EndsWith(":3000", StringComparison.Ordinal) ? "http" : "https";
        var path = Pick(["/", "/dashboard", "/dashboard", "/orgs/acme", "/orgs/acme/settings", "/orgs/other", "/org-id/org_acme", "/me", "/api/items"]);
        if (Chance(0.3))
        {
            query.Add("tab=profile");
        }

        if (Chance(0.1))
        {
            query.Add("q=a%20b+c");
        }

        // Navigation or fetch.
        switch (_random.Next(6))
        {
            case 0:
            case 1:
                headers.Add(new("sec-fetch-dest", "document"));
                labels.Add("document");
                break;
            case 2:
                headers.Add(new("sec-fetch-dest", "empty"));
                labels.Add("fetch");
                break;
            case 3:
                headers.Add(new("sec-fetch-dest", "iframe"));
                labels.Add("iframe");
                break;
            case 4:
                headers.Add(new("accept", "text/html,application/xhtml+xml"));
                labels.Add("accept-html");
                break;
            default:
                headers.Add(new("accept", "application/json"));
                labels.Add("accept-json");
                break;
        }

        var hasAuthorization = Chance(0.25);
        if (hasAuthorization)
        {
            var kind = _random.Next(10);
            var header = kind switch
            {
                < 6 => "Bearer " + Token(setup, Pick(TokenKinds), labels, "header"),
                6 => "Bearer " + Pick(["ak_2abcdefghijklmnop", "mt_2abcdefghijklmnop", "oat_2abcdefghijklmnop"]),
                7 => "Basic dXNlcjpwYXNz",
                8 => Token(setup, "valid", labels, "header-no-scheme"),
                _ => "Bearer",
            };
            if (kind is 6 or 7 or 9)
            {
                labels.Add("header:" + header.Split(' ')[0] + (kind == 6 ? ":" + header[7..10] : string.Empty));
            }

            headers.Add(new("authorization", header));
        }

        // Session cookies: unsuffixed, suffixed, both, none.
        var cookieMode = _random.Next(5);
        var sessionKind = Pick(TokenKinds);
        var iat = Now - 10;
        if (cookieMode is 1 or 3)
        {
            cookies.Add("__session=" + Token(setup, sessionKind, labels, "cookie"));
        }

        if (cookieMode is 2 or 3)
        {
            cookies.Add($"__session_{suffix}=" + Token(setup, sessionKind, labels, "suffixed-cookie"));
        }

        if (cookieMode == 4 && Chance(0.5))
        {
            // An unsuffixed cookie from another instance beside this instance's suffixed one.
            cookies.Add("__session=" + Token(setup with { Domain = "elsewhere.example.net", IsSatellite = true, PublishableKey = ProductionKey }, "foreign-issuer", labels, "other-instance-cookie"));
            cookies.Add($"__session_{suffix}=" + Token(setup, "valid", labels, "suffixed-cookie"));
        }

        var uat = _random.Next(7) switch
        {
            0 => null,
            1 => "0",
            2 => (iat - 100).ToString(),
            3 => (iat + 100).ToString(),
            4 => "abc",
            5 => iat.ToString(),
            _ => (iat - 5).ToString(),
        };
        if (uat is not null)
        {
            var uatName = _random.Next(3) switch { 0 => "__client_uat", 1 => $"__client_uat_{suffix}", _ => "both" };
            if (uatName == "both")
            {
                cookies.Add("__client_uat=" + uat);
                cookies.Add($"__client_uat_{suffix}=" + uat);
            }
            else
            {
                cookies.Add(uatName + "=" + uat);
            }

            labels.Add("uat:" + (uat == "abc" ? "garbage" : uat == "0" ? "0" : long.Parse(uat) < iat ? "before" : long.Parse(uat) == iat ? "equal" : "after"));
        }

        // Development browser token.
        if (setup.IsDevelopment || Chance(0.1))
        {
            switch (_random.Next(5))
            {
                case 0:
                    labels.Add("no-dev-browser");
                    break;
                case 1:
                    query.Add("__clerk_db_jwt=dvb_query123");
                    labels.Add("dev-browser-query");
                    break;
                case 2:
                    cookies.Add($"__clerk_db_jwt_{suffix}=dvb_cookie456");
                    labels.Add("dev-browser-suffixed-cookie");
                    break;
                default:
                    cookies.Add("__clerk_db_jwt=dvb_cookie789");
                    labels.Add("dev-browser-cookie");
                    break;
            }
        }

        // A returning handshake.
        if (Chance(0.2))
        {
            AddHandshake(setup, query, cookies, labels);
        }

        if (Chance(0.2))
        {
            var count = Pick(["1", "2", "3", "3", "4"]);
            cookies.Add("__clerk_redirect_count=" + count);
            labels.Add("redirects:" + count);
        }

        if (Chance(0.25))
        {
            var referrer = Pick([$"{scheme}://{host}/previous", "https://other.example.net/page", "https://accounts.example.com/sign-in", "https://clerk.example.com/", "https://happy-hippo-12.accounts.dev/sign-in", "not a url"]);
            headers.Add(new("referer", referrer));
            labels.Add("referrer");
        }

        if (setup.IsSatellite && Chance(0.4))
        {
            query.Add("__clerk_synced=" + Pick(["true", "false"]));
            labels.Add("synced-param");
        }

        if (setup.IsDevelopment && !setup.IsSatellite && Chance(0.1))
        {
            query.Add("__clerk_redirect_url=" + Uri.EscapeDataString("https://satellite.localhost:3000/welcome?x=1"));
            labels.Add("satellite-return");
        }

        if (Chance(0.05))
        {
            headers.Add(new("x-forwarded-host", "public.example.com"));
            headers.Add(new("x-forwarded-proto", "https"));
            labels.Add("forwarded");
        }

        if (cookies.Count > 0)
        {
            Shuffle(cookies);
            headers.Add(new("cookie", string.Join("; ", cookies)));
        }

        var url = $"{scheme}://{host}{path}" + (query.Count > 0 ? "?" + string.Join("&", query) : string.Empty);
        return new RequestScenario(id, string.Join(' ', labels), setup, method, url, headers);
    }

    private void AddHandshake(InstanceSetup setup, List<string> query, List<string> cookies, List<string> labels)
    {
        var sessionKind = Pick(["valid", "valid", "expired", "pending", "bad-signature", "none"]);
        var directives = new List<string>();
        if (sessionKind != "none")
        {
            var name = Chance(0.5) ? "__session" : "__session_" + setup.Key.CookieSuffix;
            directives.Add($"{name}={Token(setup, sessionKind, labels, "handshake")}; Path=/; SameSite=Lax; Secure");
        }

        directives.Add($"__client_uat={Now - 10}; Path=/; Max-Age=315360000; SameSite=Lax; Secure");
        if (Chance(0.5))
        {
            var nonce = "nonce_" + Nonces.Count;
            if (Chance(0.85))
            {
                Nonces[nonce] = directives.ToArray();
            }
            else
            {
                labels.Add("unknown-nonce");
            }

            if (Chance(0.5))
            {
                query.Add("__clerk_handshake_nonce=" + nonce);
                labels.Add("handshake-nonce-query");
            }
            else
            {
                cookies.Add("__clerk_handshake_nonce=" + nonce);
                labels.Add("handshake-nonce-cookie");
            }

            return;
        }

        var payload = new JsonObject { ["handshake"] = new JsonArray(directives.Select(d => (JsonNode)d!).ToArray()) };
        var signer = Chance(0.15) ? _otherKey : _key;
        if (signer == _otherKey)
        {
            labels.Add("handshake-forged");
        }

        var token = signer.SignCompact($$"""{"alg":"RS256","kid":"{{_key.KeyId}}","typ":"JWT"}""", payload.ToJsonString());
        if (Chance(0.5))
        {
            query.Add("__clerk_handshake=" + token);
            labels.Add("handshake-query");
        }
        else
        {
            cookies.Add("__clerk_handshake=" + token);
            labels.Add("handshake-cookie");
        }
    }

    /// <summary>A session (or machine) token of the given kind, signed for <paramref name="setup"/>.</summary>
    private string Token(InstanceSetup setup, string kind, List<string> labels, string carrier)
    {
        labels.Add($"{carrier}:{kind}");
        var key = $"{setup.Issuer}|{kind}";
        if (_tokens.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (kind == "garbage")
        {
            return _tokens[key] = "not-a-jwt";
        }

        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = _key.KeyId, ["typ"] = "JWT" };
        var payload = new JsonObject
        {
            ["sub"] = "user_2abc",
            ["sid"] = "sess_2abc",
            ["iss"] = setup.Issuer,
            ["azp"] = "https://app.example.com",
            ["iat"] = Now - 10,
            ["nbf"] = Now - 20,
            ["exp"] = Now + 50,
            ["v"] = 2,
            ["sts"] = "active",
        };
        var signer = _key;
        switch (kind)
        {
            case "expired":
                payload["iat"] = Now - 120;
                payload["nbf"] = Now - 130;
                payload["exp"] = Now - 60;
                break;
            case "nbf-future":
                payload["nbf"] = Now + 60;
                break;
            case "iat-future":
                payload["iat"] = Now + 60;
                payload["nbf"] = Now - 20;
                break;
            case "bad-signature":
                signer = _otherKey;
                break;
            case "azp-other":
                payload["azp"] = "https://evil.example.net";
                break;
            case "azp-missing":
                payload.Remove("azp");
                break;
            case "pending":
                payload["sts"] = "pending";
                break;
            case "foreign-issuer":
                payload["iss"] = "https://clerk.elsewhere.example.net";
                break;
            case "org-acme":
                payload["o"] = new JsonObject { ["id"] = "org_acme", ["slg"] = "acme", ["rol"] = "admin", ["per"] = "read", ["fpm"] = "1" };
                payload["fea"] = "o:reports";
                break;
            case "org-other":
                payload["o"] = new JsonObject { ["id"] = "org_other", ["slg"] = "other", ["rol"] = "member", ["per"] = "", ["fpm"] = "" };
                break;
            case "m2m-jwt":
                payload["sub"] = "mch_2machine";
                break;
            case "oauth-jwt":
                header["typ"] = "at+jwt";
                break;
            case "m2m-category":
                header["cat"] = "cl_B7d4PD333AAA";
                break;
            case "no-sub":
                payload.Remove("sub");
                break;
        }

        return _tokens[key] = signer.SignCompact(header.ToJsonString(), payload.ToJsonString());
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private void Shuffle(List<string> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
