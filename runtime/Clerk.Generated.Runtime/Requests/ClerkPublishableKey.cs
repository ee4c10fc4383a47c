using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Clerk.Generated.Requests;

/// <summary>
/// A parsed publishable key: <c>pk_test_</c> or <c>pk_live_</c>, then the base64 of <c>&lt;frontend-api-host&gt;$</c>.
/// It names the instance's frontend API (where handshakes go, and the issuer of its session tokens), its type, and
/// the suffix Clerk appends to cookie names so that two instances on one domain keep apart.
/// </summary>
public sealed record ClerkPublishableKey
{
    private const string LivePrefix = "pk_live_";
    private const string TestPrefix = "pk_test_";

    private ClerkPublishableKey(string key, ClerkInstanceType instanceType, string frontendApi)
    {
        Key = key;
        InstanceType = instanceType;
        FrontendApi = frontendApi;
        CookieSuffix = ComputeCookieSuffix(key);
    }

    /// <summary>The key as given.</summary>
    public string Key { get; }

    /// <summary>Development (<c>pk_test_</c>) or production (<c>pk_live_</c>).</summary>
    public ClerkInstanceType InstanceType { get; }

    /// <summary>The frontend API host encoded in the key, for example <c>clerk.example.com</c>.</summary>
    public string FrontendApi { get; }

    /// <summary>The issuer of this instance's session tokens: <c>https://</c> + <see cref="FrontendApi"/>.</summary>
    public string Issuer => "https://" + FrontendApi;

    /// <summary>The 8-character suffix of this instance's cookie names (<c>__session_&lt;suffix&gt;</c>).</summary>
    public string CookieSuffix { get; }

    /// <summary>Parses a publishable key.</summary>
    /// <exception cref="FormatException">The text is not a publishable key.</exception>
    public static ClerkPublishableKey Parse(string? key) =>
        TryParse(key, out var parsed)
            ? parsed
            : throw new FormatException("The publishable key is not valid (expected pk_test_… or pk_live_… with a base64-encoded frontend API host).");

    /// <summary>Parses a publishable key; false when it is missing or malformed.</summary>
    public static bool TryParse([NotNullWhen(true)] string? key, [NotNullWhen(true)] out ClerkPublishableKey? parsed)
    {
        parsed = null;
        if (key is null)
        {
            return false;
        }

        ClerkInstanceType type;
        if (key.StartsWith(LivePrefix, StringComparison.Ordinal))
        {
            type = ClerkInstanceType.Production;
        }
        else if (key.StartsWith(TestPrefix, StringComparison.Ordinal))
        {
            type = ClerkInstanceType.Development;
        }
        else
        {
            return false;
        }

        // Exactly three '_'-separated parts, as Clerk's parser requires.
        var parts = key.Split('_');
        if (parts.Length != 3 || parts[2].Length == 0 || !TryDecodeBase64Latin1(parts[2], out var decoded))
        {
            return false;
        }

        // "<host>$": one '$', at the end, and a host with at least one dot.
        if (!decoded.EndsWith('$'))
        {
            return false;
        }

        var host = decoded[..^1];
        if (host.Contains('$') || !host.Contains('.'))
        {
            return false;
        }

        parsed = new ClerkPublishableKey(key, type, host);
        return true;
    }

    /// <summary>
    /// The frontend API requests go to once <paramref name="proxyUrl"/> or a satellite <paramref name="domain"/> are
    /// taken into account: the proxy URL wins; a production satellite uses <c>clerk.&lt;domain&gt;</c>.
    /// </summary>
    public string ResolveFrontendApi(string? proxyUrl, string? domain, bool isSatellite)
    {
        if (!string.IsNullOrEmpty(proxyUrl))
        {
            return proxyUrl;
        }

        return InstanceType != ClerkInstanceType.Development && isSatellite && !string.IsNullOrEmpty(domain)
            ? "clerk." + domain
            : FrontendApi;
    }

    /// <inheritdoc />
    public override string ToString() => $"{(InstanceType == ClerkInstanceType.Production ? LivePrefix : TestPrefix)}… ({FrontendApi})";

    private static bool TryDecodeBase64Latin1(string text, [NotNullWhen(true)] out string? decoded)
    {
        decoded = null;
        // atob tolerates missing padding; anything else that is not base64 fails.
        var padded = (text.Length % 4) switch
        {
            2 => text + "==",
            3 => text + "=",
            _ => text,
        };
        var buffer = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return false;
        }

        decoded = Encoding.Latin1.GetString(buffer, 0, written);
        return true;
    }

    private static string ComputeCookieSuffix(string key)
    {
        var digest = SHA1.HashData(Encoding.UTF8.GetBytes(key));
        return Convert.ToBase64String(digest).Replace('+', '-').Replace('/', '_')[..8];
    }
}
