using System.Net.Http.Headers;
using System.Text;

namespace Clerk.Generated.Http;

/// <summary>
/// Where a transport sends and with what it can authenticate, resolved once from validated options for one API: the
/// base URL (server origin and the spec's base path), which <see cref="ClerkCredentials"/> the options supply, and
/// their wire forms. Per request it picks the operation's security alternative (<see cref="Choose"/>) and sends only
/// what that alternative names. Never rendered: it holds secrets.
/// </summary>
internal sealed class ClerkApiCredentials
{
    /// <summary>The query flag of the Frontend API's <c>ProductionNativeFlag</c> scheme.</summary>
    internal const string NativeFlag = "_is_native";

    /// <summary>The query parameter of the Frontend API's <c>DevBrowser</c> scheme.</summary>
    internal const string DevBrowserParameter = "__dev_session";

    /// <summary>The cookie of the Frontend API's <c>ProductionBrowser</c> scheme.</summary>
    internal const string ClientCookieName = "__client";

    private readonly ClerkSecurity _apiSecurity;
    private readonly string? _secretKey;
    private readonly string? _platformAccessToken;
    private readonly string? _clientToken;
    private readonly string? _devBrowserToken;
    private readonly string? _clientCookie;
    private readonly string? _basicCredentials;

    private ClerkApiCredentials(ClerkClientOptions options, ClerkApiDescription api, string origin)
    {
        BaseUrl = origin.TrimEnd('/') + api.BasePath;
        ServerAddress = new Uri(origin).Host;
        _apiSecurity = api.Security;
        _secretKey = options.ResolveSecretKey() is { } key && ClerkSecretKey.IsWellFormed(key) ? key : null;
        _platformAccessToken = Token(options.PlatformAccessToken);
        _clientToken = Token(options.ClientToken);
        _devBrowserToken = Token(options.DevBrowserToken);
        _clientCookie = string.IsNullOrEmpty(options.ClientCookie) ? null : ClientCookieName + "=" + options.ClientCookie;
        _basicCredentials = string.IsNullOrEmpty(options.OAuthClientId) || string.IsNullOrEmpty(options.OAuthClientSecret)
            ? null
            : BasicCredentials(options.OAuthClientId, options.OAuthClientSecret);
        Available =
            (_secretKey is null ? 0 : ClerkCredentials.SecretKey)
            | (_platformAccessToken is null ? 0 : ClerkCredentials.PlatformAccessToken)
            | (_clientToken is null ? 0 : ClerkCredentials.ClientToken | ClerkCredentials.NativeFlag)
            | (_devBrowserToken is null ? 0 : ClerkCredentials.DevBrowserToken)
            | (_clientCookie is null ? 0 : ClerkCredentials.ClientCookie)
            | (_basicCredentials is null ? 0 : ClerkCredentials.OAuthClientCredentials);
    }

    /// <summary>The server origin (and any path the user's URL adds) followed by the spec's base path.</summary>
    public string BaseUrl { get; }

    /// <summary>The host, for telemetry.</summary>
    public string ServerAddress { get; }

    /// <summary>The credentials the options supply.</summary>
    public ClerkCredentials Available { get; }

    /// <summary>Resolves the credentials of <paramref name="api"/> from options that passed validation for its kind.</summary>
    public static ClerkApiCredentials Resolve(ClerkClientOptions options, ClerkApiDescription api) =>
        new(options, api, api.Kind == ClerkApiKind.Frontend ? FrontendOrigin(options) : options.ApiUrl);

    /// <summary>
    /// The security alternative to send <paramref name="request"/> with: its own security, else the API's.
    /// </summary>
    /// <exception cref="ClerkCredentialsRequiredException">No alternative can be satisfied and none is anonymous.</exception>
    public ClerkCredentials Choose(ClerkRequest request)
    {
        var security = request.Security ?? _apiSecurity;
        return security.TryChoose(Available, out var chosen) ? chosen : throw new ClerkCredentialsRequiredException(request.OperationId, security);
    }

    /// <summary>
    /// The absolute URI of <paramref name="request"/>, with the query parameters of the <paramref name="chosen"/>
    /// alternative's schemes after the request's own.
    /// </summary>
    public Uri GetRequestUri(ClerkRequest request, ClerkCredentials chosen)
    {
        var query = request.Query.ToString();
        if (chosen.HasFlag(ClerkCredentials.NativeFlag))
        {
            query = AppendUnlessPresent(request, query, NativeFlag, "true");
        }

        if (chosen.HasFlag(ClerkCredentials.DevBrowserToken))
        {
            query = AppendUnlessPresent(request, query, DevBrowserParameter, _devBrowserToken!);
        }

        // Sent exactly as built: the path's segments are already escaped, and canonicalisation would unescape
        // "%2E%2E" into ".." and let a crafted id address a different resource.
        return new Uri(BaseUrl + request.Path + query, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    /// <summary>Puts the headers of the <paramref name="chosen"/> alternative's schemes on one attempt's message.</summary>
    public void Apply(HttpRequestMessage message, ClerkCredentials chosen)
    {
        var bearer = chosen.HasFlag(ClerkCredentials.SecretKey) ? _secretKey
            : chosen.HasFlag(ClerkCredentials.PlatformAccessToken) ? _platformAccessToken
            : chosen.HasFlag(ClerkCredentials.ClientToken) ? _clientToken
            : null;
        if (bearer is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        else if (chosen.HasFlag(ClerkCredentials.OAuthClientCredentials))
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", _basicCredentials);
        }

        if (chosen.HasFlag(ClerkCredentials.ClientCookie))
        {
            message.Headers.TryAddWithoutValidation("Cookie", _clientCookie);
        }
    }

    /// <summary>
    /// The Basic credentials of RFC 6749 section 2.3.1: id and secret each form-encoded (Appendix B; as
    /// <see cref="FormUrlEncodedContent"/> encodes a body), joined by <c>:</c>, then base64 of the UTF-8 (RFC 7617).
    /// </summary>
    internal static string BasicCredentials(string clientId, string clientSecret) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(FormEncode(clientId) + ":" + FormEncode(clientSecret)));

    private static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);

    private static string? Token(string? value) => value is { Length: > 0 } && ClerkClientOptionsValidator.IsHeaderSafeToken(value) ? value : null;

    private static string AppendUnlessPresent(ClerkRequest request, string query, string name, string value)
    {
        foreach (var parameter in request.Query.Parameters)
        {
            if (parameter.Key == name)
            {
                return query;
            }
        }

        return query + (query.Length == 0 ? "?" : "&") + name + "=" + Uri.EscapeDataString(value);
    }

    private static string FrontendOrigin(ClerkClientOptions options) =>
        options.FrontendApiUrl ?? Requests.ClerkPublishableKey.Parse(options.ResolvePublishableKey()).Issuer;
}
