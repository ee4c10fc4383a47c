namespace Clerk.Generated.Http;

/// <summary>
/// Where a transport sends and how it authenticates, resolved once from validated options for one API: the base URL
/// (server origin and the spec's base path), the bearer token, and the query parameters an authentication scheme
/// puts on every request. Never rendered: it holds secrets.
/// </summary>
internal sealed class ClerkApiCredentials
{
    /// <summary>The query flag the Frontend API's <c>ProductionNativeApp</c> scheme pairs with the bearer client token.</summary>
    internal const string NativeFlag = "_is_native";

    /// <summary>The query parameter of the Frontend API's <c>DevBrowser</c> scheme.</summary>
    internal const string DevBrowserParameter = "__dev_session";

    private readonly KeyValuePair<string, string>[] _query;

    private ClerkApiCredentials(string origin, string basePath, string? bearerToken, KeyValuePair<string, string>[] query)
    {
        BaseUrl = origin.TrimEnd('/') + basePath;
        ServerAddress = new Uri(origin).Host;
        BearerToken = bearerToken;
        _query = query;
    }

    /// <summary>The server origin (and any path the user's URL adds) followed by the spec's base path.</summary>
    public string BaseUrl { get; }

    /// <summary>The host, for telemetry.</summary>
    public string ServerAddress { get; }

    /// <summary>The <c>Authorization: Bearer</c> value, or <see langword="null"/> to send none.</summary>
    public string? BearerToken { get; }

    /// <summary>Resolves the credentials of <paramref name="api"/> from options that passed validation for its kind.</summary>
    public static ClerkApiCredentials Resolve(ClerkClientOptions options, ClerkApiDescription api) => api.Kind switch
    {
        ClerkApiKind.Frontend => new ClerkApiCredentials(FrontendOrigin(options), api.BasePath, options.ClientToken, FrontendQuery(options)),
        ClerkApiKind.Platform => new ClerkApiCredentials(options.ApiUrl, api.BasePath, options.PlatformAccessToken, []),
        _ => new ClerkApiCredentials(options.ApiUrl, api.BasePath, options.ResolveSecretKey(), []),
    };

    /// <summary>The absolute URI of <paramref name="request"/>, with the scheme's query parameters after the request's own.</summary>
    public Uri GetRequestUri(ClerkRequest request)
    {
        var query = request.Query.ToString();
        foreach (var (name, value) in _query)
        {
            if (!request.Query.Parameters.Any(parameter => parameter.Key == name))
            {
                query += (query.Length == 0 ? "?" : "&") + name + "=" + Uri.EscapeDataString(value);
            }
        }

        // Sent exactly as built: the path's segments are already escaped, and canonicalisation would unescape
        // "%2E%2E" into ".." and let a crafted id address a different resource.
        return new Uri(BaseUrl + request.Path + query, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    private static string FrontendOrigin(ClerkClientOptions options) =>
        options.FrontendApiUrl ?? Requests.ClerkPublishableKey.Parse(options.ResolvePublishableKey()).Issuer;

    private static KeyValuePair<string, string>[] FrontendQuery(ClerkClientOptions options)
    {
        var query = new List<KeyValuePair<string, string>>(2);
        if (!string.IsNullOrEmpty(options.ClientToken))
        {
            query.Add(new(NativeFlag, "true"));
        }

        if (!string.IsNullOrEmpty(options.DevBrowserToken))
        {
            query.Add(new(DevBrowserParameter, options.DevBrowserToken));
        }

        return query.ToArray();
    }
}
