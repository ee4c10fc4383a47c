namespace Clerk.Generated.Requests;

/// <summary>
/// What <see cref="ClerkRequestAuthenticator"/> needs to know about an incoming request: method, absolute URL,
/// headers and cookies. Build one from an <see cref="HttpRequestMessage"/>, from ASP.NET Core's <c>HttpRequest</c>
/// (Clerk.Generated.AspNetCore), or from any host's request with the constructor.
/// </summary>
public sealed class ClerkAuthenticationRequest
{
    private readonly Dictionary<string, string> _headers;
    private readonly IReadOnlyDictionary<string, string> _cookies;

    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method (<c>GET</c>, <c>POST</c>, …).</param>
    /// <param name="url">The absolute URL the client asked for.</param>
    /// <param name="headers">The request headers; repeated names are joined with <c>", "</c>.</param>
    /// <param name="cookies">The request cookies; parsed from the <c>Cookie</c> header when null.</param>
    public ClerkAuthenticationRequest(
        string method,
        Uri url,
        IEnumerable<KeyValuePair<string, string>> headers,
        IEnumerable<KeyValuePair<string, string>>? cookies = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(headers);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("The request URL must be absolute.", nameof(url));
        }

        Method = method.ToUpperInvariant();
        Url = url;
        _headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            _headers[name] = _headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
        }

        if (cookies is null)
        {
            _cookies = CookieHeader.Parse(GetHeader("Cookie"));
        }
        else
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in cookies)
            {
                map.TryAdd(name, value);
            }

            _cookies = map;
        }
    }

    /// <summary>The HTTP method, upper-case.</summary>
    public string Method { get; }

    /// <summary>The absolute URL of the request.</summary>
    public Uri Url { get; }

    /// <summary>The request cookies by name.</summary>
    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    /// <summary>A header's value (repeated headers joined with <c>", "</c>), or null when absent.</summary>
    public string? GetHeader(string name) => _headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>A cookie's value, or null when absent.</summary>
    public string? GetCookie(string name) => _cookies.TryGetValue(name, out var value) ? value : null;

    /// <summary>Reads method, URL, headers (request and content headers) and cookies from an <see cref="HttpRequestMessage"/>.</summary>
    public static ClerkAuthenticationRequest FromHttpRequestMessage(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is not { IsAbsoluteUri: true } url)
        {
            throw new ArgumentException("The request has no absolute RequestUri.", nameof(request));
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            headers.Add(new(name, string.Join(", ", values)));
        }

        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers.NonValidated)
            {
                headers.Add(new(name, string.Join(", ", values)));
            }
        }

        return new ClerkAuthenticationRequest(request.Method.Method, url, headers);
    }
}
