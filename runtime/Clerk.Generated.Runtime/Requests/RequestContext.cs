using System.Globalization;
using System.Text;

namespace Clerk.Generated.Requests;

/// <summary>
/// What one request says once read against the instance's configuration: the URL as the client saw it, the token
/// in the <c>Authorization</c> header, the cookies of this instance (suffixed or not), the handshake and dev-browser
/// values, and the frontend API to send handshakes to. Mirrors the inputs of Clerk's <c>AuthenticateContext</c>.
/// </summary>
internal sealed class RequestContext
{
    public const string SessionCookie = "__session";
    public const string ClientUatCookie = "__client_uat";
    public const string HandshakeCookie = "__clerk_handshake";
    public const string HandshakeNonceCookie = "__clerk_handshake_nonce";
    public const string DevBrowserCookie = "__clerk_db_jwt";
    public const string RedirectCountCookie = "__clerk_redirect_count";
    public const string RefreshCookie = "__refresh";

    private readonly ClerkAuthenticationRequest _request;
    private readonly string _cookieSuffix;

    public RequestContext(ClerkAuthenticationRequest request, ResolvedConfiguration configuration, long nowMilliseconds)
    {
        _request = request;
        _cookieSuffix = configuration.PublishableKey.CookieSuffix;
        InstanceType = configuration.PublishableKey.InstanceType;
        OriginalFrontendApi = configuration.OriginalFrontendApi;
        ClerkUrl = DeriveUrl(request);
        ProxyUrl = configuration.ProxyUrl is { } proxy && proxy.StartsWith('/') ? ClerkUrl.Origin + proxy : configuration.ProxyUrl;
        FrontendApi = configuration.PublishableKey.ResolveFrontendApi(ProxyUrl, configuration.Domain, configuration.IsSatellite);

        Method = request.Method;
        TokenInHeader = ParseAuthorization(Header("authorization"));
        Origin = Header("origin");
        Referrer = Header("referer");
        SecFetchDest = Header("sec-fetch-dest");
        Accept = Header("accept");

        UsesSuffixedCookies = DecideSuffixedCookies(nowMilliseconds);
        SessionTokenInCookie = SuffixedOrUnsuffixed(SessionCookie);
        RefreshTokenInCookie = Cookie(SessionCookieName(RefreshCookie));
        ClientUat = ParseIntLikeJavaScript(SuffixedOrUnsuffixed(ClientUatCookie));
        DevBrowserToken = Truthy(ClerkUrl.Query.Get(DevBrowserCookie)) ?? SuffixedOrUnsuffixed(DevBrowserCookie);
        HandshakeToken = Truthy(ClerkUrl.Query.Get(HandshakeCookie)) ?? Cookie(HandshakeCookie);
        RedirectCount = NumberLikeJavaScript(Cookie(RedirectCountCookie));
        HandshakeNonce = Truthy(ClerkUrl.Query.Get(HandshakeNonceCookie)) ?? Cookie(HandshakeNonceCookie);
    }

    public ClerkInstanceType InstanceType { get; }

    public bool IsDevelopment => InstanceType == ClerkInstanceType.Development;

    /// <summary>The frontend API from the publishable key (before any proxy): the issuer of this instance's tokens.</summary>
    public string OriginalFrontendApi { get; }

    /// <summary>Where handshakes go: the proxy URL, the satellite's <c>clerk.&lt;domain&gt;</c>, or the key's host.</summary>
    public string FrontendApi { get; }

    public string? ProxyUrl { get; }

    /// <summary>The URL the client asked for, after <c>X-Forwarded-Host</c> / <c>X-Forwarded-Proto</c>.</summary>
    public RequestUrl ClerkUrl { get; }

    public string Method { get; }

    public string? TokenInHeader { get; }

    public string? Origin { get; }

    public string? Referrer { get; }

    public string? SecFetchDest { get; }

    public string? Accept { get; }

    public bool UsesSuffixedCookies { get; }

    public string? SessionTokenInCookie { get; }

    public string? RefreshTokenInCookie { get; }

    /// <summary><c>__client_uat</c> as a number (0 when absent or not a number): when the client last changed sign-in state.</summary>
    public double ClientUat { get; }

    public string? DevBrowserToken { get; }

    public string? HandshakeToken { get; }

    public string? HandshakeNonce { get; }

    public double RedirectCount { get; }

    /// <summary>The token a handshake should carry to the frontend API: the session cookie, else the header's token.</summary>
    public string? SessionToken => SessionTokenInCookie ?? TokenInHeader;

    /// <summary>
    /// A handshake is only worth it for what is probably a page navigation: a GET whose <c>Sec-Fetch-Dest</c> is a
    /// document or iframe, or (for browsers without it) whose <c>Accept</c> starts with <c>text/html</c>.
    /// </summary>
    public bool IsEligibleForHandshake =>
        Method == "GET" && (SecFetchDest is "document" or "iframe" || (SecFetchDest is null && Accept?.StartsWith("text/html", StringComparison.Ordinal) == true));

    public bool IsCrossOriginReferrer()
    {
        if (Referrer is null)
        {
            return false;
        }

        return RequestUrl.TryParse(Referrer, out var referrer) && referrer.Origin != ClerkUrl.Origin;
    }

    /// <summary>The referrer is the frontend API, the Account Portal, or (development) a development Account Portal.</summary>
    public bool IsKnownClerkReferrer()
    {
        if (Referrer is null || !RequestUrl.TryParse(Referrer, out var referrer))
        {
            return false;
        }

        var fapiHost = FrontendApi.StartsWith("http", StringComparison.Ordinal)
            ? (RequestUrl.TryParse(FrontendApi, out var fapi) ? fapi.Host : null)
            : FrontendApi;
        if (fapiHost is null)
        {
            return false;
        }

        if (referrer.Host == fapiHost)
        {
            return true;
        }

        if (InstanceType != ClerkInstanceType.Production && IsDevelopmentAccountPortal(referrer.Host))
        {
            return true;
        }

        var accounts = "https://" + AccountsPortalHost(FrontendApi);
        return RequestUrl.TryParse(accounts, out var accountsUrl) && accountsUrl.Origin == referrer.Origin;
    }

    private static bool IsDevelopmentAccountPortal(string host)
    {
        string[] legacy = [".lcl.dev", ".lclstage.dev", ".lclclerk.com"];
        string[] current = [".accounts.dev", ".accountsstage.dev", ".accounts.lclclerk.com"];
        return legacy.Any(s => host.StartsWith("accounts.", StringComparison.Ordinal) && host.EndsWith(s, StringComparison.Ordinal))
            || current.Any(s => host.EndsWith(s, StringComparison.Ordinal) && !host.EndsWith(".clerk" + s, StringComparison.Ordinal));
    }

    private string? Header(string name) => Truthy(_request.GetHeader(name));

    private string? Cookie(string name) => Truthy(_request.GetCookie(name));

    private string SessionCookieName(string name) => name + "_" + _cookieSuffix;

    private string? SuffixedOrUnsuffixed(string name) => UsesSuffixedCookies ? Cookie(SessionCookieName(name)) : Cookie(name);

    private static string? Truthy(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>
    /// Which cookie set is current when both an unsuffixed (older SDKs, other instance) and a suffixed set exist:
    /// Clerk's rules, in Clerk's order.
    /// </summary>
    private bool DecideSuffixedCookies(long nowMilliseconds)
    {
        var suffixedClientUat = Cookie(SessionCookieName(ClientUatCookie));
        var clientUat = Cookie(ClientUatCookie);
        var suffixedSession = Cookie(SessionCookieName(SessionCookie)) ?? string.Empty;
        var session = Cookie(SessionCookie) ?? string.Empty;
        if (session.Length > 0)
        {
            var peek = JwtPeek.Read(session);
            if (!(peek.IsDecoded && peek.HasIssuer))
            {
                return false;
            }

            if (!BelongsToInstance(peek))
            {
                return true;
            }
        }

        if (suffixedClientUat is null && suffixedSession.Length == 0)
        {
            return false;
        }

        var sessionData = JwtPeek.Read(session);
        var sessionIat = sessionData.IsDecoded ? sessionData.IssuedAt ?? 0 : 0;
        var suffixedData = JwtPeek.Read(suffixedSession);
        var suffixedIat = suffixedData.IsDecoded ? suffixedData.IssuedAt ?? 0 : 0;
        if (suffixedClientUat != "0" && clientUat != "0" && sessionIat > suffixedIat)
        {
            return false;
        }

        if (suffixedClientUat == "0" && clientUat != "0")
        {
            return false;
        }

        if (InstanceType != ClerkInstanceType.Production)
        {
            var nowSeconds = (double)(int)(nowMilliseconds / 1000.0);
            var suffixedExpired = suffixedData.IsDecoded && suffixedData.ExpiresAt is { } exp && exp <= nowSeconds;
            if (suffixedClientUat != "0" && clientUat == "0" && suffixedExpired)
            {
                return false;
            }
        }

        return !(suffixedClientUat is null && suffixedSession.Length > 0);
    }

    private bool BelongsToInstance(JwtPeek peek) =>
        peek.Issuer is { } issuer && WithoutSchemes(issuer) == OriginalFrontendApi;

    /// <summary><c>Bearer &lt;token&gt;</c> gives the token; a single word is taken as the token itself; other schemes give none.</summary>
    private static string? ParseAuthorization(string? header)
    {
        if (header is null)
        {
            return null;
        }

        var parts = header.Split(' ');
        var scheme = parts[0];
        var token = parts.Length > 1 ? parts[1] : null;
        if (string.IsNullOrEmpty(token))
        {
            return Truthy(scheme);
        }

        return scheme == "Bearer" ? token : null;
    }

    /// <summary>The URL as the client saw it: <c>X-Forwarded-Host</c> (or <c>Host</c>) and <c>X-Forwarded-Proto</c> win over the server's view.</summary>
    private static RequestUrl DeriveUrl(ClerkAuthenticationRequest request)
    {
        var initial = RequestUrl.FromUri(request.Url);
        var forwardedHost = Truthy(request.GetHeader("x-forwarded-host"))?.Split(',')[0];
        var forwardedProto = Truthy(request.GetHeader("x-forwarded-proto"))?.Split(',')[0];
        var host = forwardedHost ?? Truthy(request.GetHeader("host"));
        var protocol = forwardedProto ?? request.Url.Scheme;
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(protocol))
        {
            return initial;
        }

        var origin = protocol + "://" + host;
        if (origin == initial.Origin)
        {
            return initial;
        }

        return RequestUrl.TryParse(origin + initial.Path, out var derived) ? initial.WithOrigin(derived.Origin, derived.Host) : initial;
    }

    /// <summary><c>Number.parseInt(value) || 0</c>.</summary>
    internal static double ParseIntLikeJavaScript(string? value)
    {
        if (value is null)
        {
            return 0;
        }

        var text = value.TrimStart();
        var sign = 1.0;
        if (text.StartsWith('-') || text.StartsWith('+'))
        {
            sign = text[0] == '-' ? -1 : 1;
            text = text[1..];
        }

        var radix = 10;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            radix = 16;
            text = text[2..];
        }

        double result = 0;
        var digits = 0;
        foreach (var c in text)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? (c | 0x20) - 'a' + 10 : 99;
            if (digit >= radix)
            {
                break;
            }

            result = (result * radix) + digit;
            digits++;
        }

        return digits == 0 ? 0 : sign * result;
    }

    /// <summary><c>Number(value) || 0</c> for decimal text.</summary>
    internal static double NumberLikeJavaScript(string? value)
    {
        if (value is null)
        {
            return 0;
        }

        var text = value.Trim();
        if (text.Length == 0)
        {
            return 0;
        }

        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number)
            && !double.IsNaN(number)
            ? number
            : 0;
    }

    /// <summary>
    /// The account portal's host for a frontend API host, as @clerk/backend derives it: the first <c>clerk.accountsstage.</c>
    /// becomes <c>accountsstage.</c>, then the first <c>clerk.accounts.</c> (or else the first <c>clerk.</c>) becomes
    /// <c>accounts.</c>.
    /// </summary>
    internal static string AccountsPortalHost(string frontendApi)
    {
        var host = ReplaceFirst(frontendApi, "clerk.accountsstage.", "accountsstage.");
        var clerk = host.IndexOf("clerk.", StringComparison.Ordinal);
        if (clerk < 0)
        {
            return host;
        }

        var length = string.CompareOrdinal(host, clerk, "clerk.accounts.", 0, "clerk.accounts.".Length) == 0 ? "clerk.accounts.".Length : "clerk.".Length;
        return string.Concat(host.AsSpan(0, clerk), "accounts.", host.AsSpan(clerk + length));
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }

    /// <summary><paramref name="issuer"/> with every <c>http://</c> and <c>https://</c> removed (any case), as @clerk/backend compares issuers with frontend APIs.</summary>
    internal static string WithoutSchemes(string issuer)
    {
        if (!issuer.Contains("://", StringComparison.Ordinal))
        {
            return issuer;
        }

        var builder = new StringBuilder(issuer.Length);
        var i = 0;
        while (i < issuer.Length)
        {
            var length = SchemeLength(issuer.AsSpan(i));
            if (length > 0)
            {
                i += length;
            }
            else
            {
                builder.Append(issuer[i++]);
            }
        }

        return builder.ToString();
    }

    /// <summary>The length of <c>http://</c> or <c>https://</c> (any case) at the start of <paramref name="text"/>; 0 when neither is there.</summary>
    private static int SchemeLength(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var colon = text.Length > 4 && (text[4] == 's' || text[4] == 'S') ? 5 : 4;
        return text[colon..].StartsWith("://", StringComparison.Ordinal) ? colon + 3 : 0;
    }
}
