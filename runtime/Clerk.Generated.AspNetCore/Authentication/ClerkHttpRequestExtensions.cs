using Clerk.Generated.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Clerk.Generated.Authentication;

/// <summary>Reads an ASP.NET Core request into the framework-agnostic <see cref="ClerkAuthenticationRequest"/>.</summary>
public static class ClerkHttpRequestExtensions
{
    /// <summary>Method, absolute URL (scheme, host, path base, path, query), headers and cookies of <paramref name="request"/>.</summary>
    public static ClerkAuthenticationRequest ToClerkAuthenticationRequest(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = new List<KeyValuePair<string, string>>(request.Headers.Count);
        foreach (var (name, values) in request.Headers)
        {
            headers.Add(new(name, values.ToString()));
        }

        var cookies = new List<KeyValuePair<string, string>>(request.Cookies.Count);
        foreach (var (name, value) in request.Cookies)
        {
            cookies.Add(new(name, value));
        }

        return new ClerkAuthenticationRequest(request.Method, new Uri(request.GetEncodedUrl()), headers, cookies);
    }
}
