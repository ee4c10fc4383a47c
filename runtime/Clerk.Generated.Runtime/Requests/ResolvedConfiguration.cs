namespace Clerk.Generated.Requests;

/// <summary>The authenticator's options after validation: the parsed key and the multi-domain settings.</summary>
internal sealed record ResolvedConfiguration(
    ClerkPublishableKey PublishableKey,
    string OriginalFrontendApi,
    string? ProxyUrl,
    string? Domain,
    bool IsSatellite,
    string? SignInUrl,
    bool SatelliteAutoSync)
{
    public static ResolvedConfiguration From(ClerkRequestAuthenticatorOptions options)
    {
        if (!ClerkPublishableKey.TryParse(options.PublishableKey, out var key))
        {
            throw new ArgumentException(
                string.IsNullOrEmpty(options.PublishableKey)
                    ? "A publishable key is required (CLERK_PUBLISHABLE_KEY)."
                    : "The publishable key is not valid (expected pk_test_… or pk_live_…).",
                nameof(options));
        }

        var proxyUrl = string.IsNullOrEmpty(options.ProxyUrl) ? null : options.ProxyUrl;
        var domain = string.IsNullOrEmpty(options.Domain) ? null : options.Domain;
        var signInUrl = string.IsNullOrEmpty(options.SignInUrl) ? null : options.SignInUrl;
        if (proxyUrl is not null && !proxyUrl.StartsWith('/') && !proxyUrl.StartsWith("http://", StringComparison.Ordinal) && !proxyUrl.StartsWith("https://", StringComparison.Ordinal))
        {
            throw new ArgumentException("ProxyUrl must be an absolute http(s) URL or a path starting with '/'.", nameof(options));
        }

        if (options.IsSatellite)
        {
            if (proxyUrl is null && domain is null)
            {
                throw new ArgumentException("A satellite application needs Domain or ProxyUrl.", nameof(options));
            }

            if (key.InstanceType == ClerkInstanceType.Development && signInUrl is null)
            {
                throw new ArgumentException("A development satellite application needs SignInUrl (the primary domain's sign-in page).", nameof(options));
            }

            if (signInUrl is not null && !RequestUrl.TryParse(signInUrl, out _))
            {
                throw new ArgumentException("SignInUrl must be an absolute http(s) URL.", nameof(options));
            }
        }

        return new ResolvedConfiguration(
            key,
            key.ResolveFrontendApi(proxyUrl: null, domain, options.IsSatellite),
            proxyUrl,
            domain,
            options.IsSatellite,
            signInUrl,
            options.SatelliteAutoSync);
    }
}
