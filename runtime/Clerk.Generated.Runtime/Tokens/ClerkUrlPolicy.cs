using System.Net;

namespace Clerk.Generated.Tokens;

/// <summary>
/// Which URLs the SDK will send a secret key to or trust keys from: <c>https</c>, or <c>http</c> to a loopback host
/// only (a local mock of Clerk). Over plain <c>http</c> anywhere else, the secret key and the signing keys would
/// travel in clear.
/// </summary>
public static class ClerkUrlPolicy
{
    /// <summary>Whether <paramref name="url"/> is absolute and either <c>https</c>, or <c>http</c> to a loopback host.</summary>
    public static bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return false;
        }

        return url.Scheme == Uri.UriSchemeHttps
            || (url.Scheme == Uri.UriSchemeHttp && (url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip))));
    }

    /// <summary>Why a URL given to <paramref name="setting"/> is refused, for a start-up error naming the setting.</summary>
    public static string Explain(string setting) =>
        $"{setting} must be an absolute https URL (http is accepted only for a loopback host such as localhost or 127.0.0.1): over plain http the secret key and signing keys would travel in clear.";

    /// <summary>Throws when <paramref name="url"/> is not allowed.</summary>
    /// <exception cref="ArgumentException">The URL is relative, not http(s), or plain http to a non-loopback host.</exception>
    public static void ThrowIfNotAllowed(Uri url, string setting)
    {
        if (!IsAllowed(url))
        {
            throw new ArgumentException(Explain(setting), setting);
        }
    }
}
