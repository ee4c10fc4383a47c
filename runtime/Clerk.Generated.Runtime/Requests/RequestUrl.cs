namespace Clerk.Generated.Requests;

/// <summary>
/// An absolute http(s) URL split into origin, path and query, so that redirects can drop or add query parameters
/// and be written back the way a browser's URL object writes them.
/// </summary>
internal sealed class RequestUrl
{
    private readonly string? _rawQuery;
    private FormQuery? _query;

    private RequestUrl(string origin, string host, string path, string? rawQuery)
    {
        Origin = origin;
        Host = host;
        Path = path;
        _rawQuery = rawQuery;
    }

    /// <summary><c>scheme://host[:port]</c>, the port only when it is not the scheme's default.</summary>
    public string Origin { get; }

    /// <summary>The host name, lower-case, without port.</summary>
    public string Host { get; }

    /// <summary>The path, as escaped in the URL (at least <c>/</c>).</summary>
    public string Path { get; }

    /// <summary>The query pairs; reading or changing them makes <see cref="ToString"/> re-serialize the query.</summary>
    public FormQuery Query => _query ??= FormQuery.Parse(_rawQuery);

    public static bool TryParse(string? text, out RequestUrl url)
    {
        url = null!;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        url = FromUri(uri);
        return true;
    }

    public static RequestUrl FromUri(Uri uri)
    {
        var origin = uri.GetLeftPart(UriPartial.Authority);
        var query = uri.Query.Length > 1 ? uri.Query[1..] : null;
        return new RequestUrl(origin, uri.IdnHost.ToLowerInvariant(), uri.AbsolutePath, query);
    }

    /// <summary>A copy whose query can be changed without touching this one.</summary>
    public RequestUrl Clone()
    {
        return new RequestUrl(Origin, Host, Path, _query is { Changed: true } ? _query.ToString() : _rawQuery);
    }

    /// <summary>This URL with another origin (as when a proxy forwards the request).</summary>
    public RequestUrl WithOrigin(string origin, string host) => new(origin, host, Path, _query is { Changed: true } ? _query.ToString() : _rawQuery);

    public override string ToString()
    {
        if (_query is { Changed: true })
        {
            // A changed query is written back from its pairs; an empty one drops the '?'.
            var serialized = _query.ToString();
            return serialized.Length == 0 ? Origin + Path : Origin + Path + "?" + serialized;
        }

        return _rawQuery is null ? Origin + Path : Origin + Path + "?" + _rawQuery;
    }
}
