using System.Collections.Concurrent;
using Clerk.Generated.Fleet;
using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Requests;
using Clerk.Generated.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clerk.Generated.Authentication;

/// <summary>
/// One <see cref="ClerkTokenValidator"/> (and its key source) per scheme, built on first use from the scheme's options
/// and rebuilt when they change. Validators hold the JWKS cache, so they must live as long as the application.
/// </summary>
internal sealed class ClerkValidatorProvider : IDisposable
{
    /// <summary>The named <see cref="HttpClient"/> JWKS caches fetch with when the application registers <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "Clerk.Generated.Tokens.Jwks";

    private readonly ConcurrentDictionary<string, Lazy<ClerkSchemeValidator>> _validators = new(StringComparer.Ordinal);
    private readonly IOptionsMonitor<ClerkAuthenticationOptions> _options;
    private readonly IServiceProvider _services;
    private readonly IDisposable? _subscription;
    private readonly Lazy<HttpClient> _ownHttpClient = new(static () => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }));

    public ClerkValidatorProvider(IOptionsMonitor<ClerkAuthenticationOptions> options, IServiceProvider services)
    {
        _options = options;
        _services = services;
        _subscription = options.OnChange((_, name) => _validators.TryRemove(name ?? Options.DefaultName, out var _));
    }

    public ClerkSchemeValidator Get(string scheme) =>
        _validators.GetOrAdd(scheme, name => new Lazy<ClerkSchemeValidator>(() => Create(name))).Value;

    /// <summary>The JWKS caches of the schemes used so far, for the health check.</summary>
    public IEnumerable<JwksCache> KeySources =>
        _validators.Values.Where(v => v.IsValueCreated).Select(v => v.Value.Keys).OfType<JwksCache>();

    public void Dispose()
    {
        _subscription?.Dispose();
        if (_ownHttpClient.IsValueCreated)
        {
            _ownHttpClient.Value.Dispose();
        }
    }

    /// <summary>
    /// A logger for <typeparamref name="T"/>'s category. Made by the logger factory rather than resolved as
    /// <c>ILogger&lt;T&gt;</c>: the container closes its open generic at run time, which under Native AOT means building the
    /// type on first use, on the first request.
    /// </summary>
    private ILogger<T>? Logger<T>() => _services.GetService<ILoggerFactory>()?.CreateLogger<T>();

    /// <summary>
    /// The application's <see cref="IHttpClientFactory"/> client when it registers one (so handlers configured for
    /// <see cref="HttpClientName"/> apply), else one client of this provider's own. The scheme does not register the
    /// factory itself: most applications with a static key never fetch, and the factory's services cost start-up time.
    /// </summary>
    private HttpClient HttpClient() =>
        _services.GetService<IHttpClientFactory>()?.CreateClient(HttpClientName) ?? _ownHttpClient.Value;

    private ClerkSchemeValidator Create(string scheme)
    {
        var options = _options.Get(scheme);
        var time = options.TimeProvider ?? _services.GetService<TimeProvider>() ?? TimeProvider.System;
        var suffix = options.SessionCookieSuffix
                     ?? (string.IsNullOrEmpty(options.PublishableKey) ? null : ClerkSessionCookie.GetSuffix(options.PublishableKey));
        var cookieName = suffix is null ? null : ClerkSessionCookie.GetSuffixedName(suffix);
        if (!options.ValidateSessionCookie || ResolvePublishableKey(options) is not { } publishableKey)
        {
            // Keys and validator on the first token: a request without one (a health probe, a public page) never needs
            // the PEM import or the JWKS cache, and the application answers it sooner after start.
            return new ClerkSchemeValidator(new Lazy<IJwksProvider>(() => CreateKeys(options, time)), keys => CreateValidator(options, keys, time), cookieName);
        }

        // The request authenticator runs on every request and needs the keys: both now.
        var keys = CreateKeys(options, time);
        return new ClerkSchemeValidator(
            new Lazy<IJwksProvider>(keys), keys => CreateValidator(options, keys, time), cookieName, CreateAuthenticator(options, publishableKey, keys, time));
    }

    private ClerkTokenValidator CreateValidator(ClerkAuthenticationOptions options, IJwksProvider keys, TimeProvider time) => new(
        keys,
        options.ToValidationOptions(),
        time,
        options.MachineTokenVerifier ?? _services.GetService<IMachineTokenVerifier>(),
        Logger<ClerkTokenValidator>());

    /// <summary>Cookie mode with a publishable key: Clerk's whole request procedure (handshakes, <c>__client_uat</c>, dev browser).</summary>
    private ClerkRequestAuthenticator CreateAuthenticator(ClerkAuthenticationOptions options, string publishableKey, IJwksProvider keys, TimeProvider time)
    {
        var requestOptions = new ClerkRequestAuthenticatorOptions
        {
            PublishableKey = publishableKey,
            SecretKey = ResolveSecretKey(options),
            ApiUrl = options.ApiUrl,
            AuthorizedParties = options.AuthorizedParties.ToList(),
            Issuer = options.Issuer,
            ClockSkew = options.ClockSkew,
            AcceptsToken = options.AcceptsToken,
            TreatPendingAsSignedOut = options.TreatPendingAsSignedOut,
        };
        options.ConfigureRequestAuthenticator?.Invoke(requestOptions);
        return new ClerkRequestAuthenticator(
            requestOptions,
            keys,
            HttpClient(),
            time,
            options.MachineTokenVerifier ?? _services.GetService<IMachineTokenVerifier>(),
            Logger<ClerkRequestAuthenticator>());
    }

    internal static string? ResolvePublishableKey(ClerkAuthenticationOptions options) =>
        !string.IsNullOrWhiteSpace(options.PublishableKey) ? options.PublishableKey
        : Environment.GetEnvironmentVariable(ClerkAuthenticationOptions.PublishableKeyEnvironmentVariable) is { Length: > 0 } env ? env : null;

    private IJwksProvider CreateKeys(ClerkAuthenticationOptions options, TimeProvider time)
    {
        if (options.Keys is { } keys)
        {
            return keys;
        }

        if (ResolveJwtKey(options) is { } pem)
        {
            return StaticJwksProvider.FromPem(pem);
        }

        JwksCacheOptions cacheOptions;
        if (options.JwksUrl is { } url)
        {
            cacheOptions = new JwksCacheOptions { JwksUrl = url };
        }
        else if (ResolveSecretKey(options) is { } secretKey)
        {
            cacheOptions = JwksCacheOptions.ForBackendApi(secretKey, options.ApiUrl);
        }
        else
        {
            throw new InvalidOperationException(ClerkAuthenticationOptionsValidator.NoKeySourceMessage);
        }

        // A fleet's shared cache (registered by AddClerkRedis, for example) makes the fleet fetch the JWKS once.
        cacheOptions.SharedCache = _services.GetService<ClerkSharedCache>();
        options.ConfigureJwksCache?.Invoke(cacheOptions);
        return new JwksCache(HttpClient(), cacheOptions, time, Logger<JwksCache>());
    }

    internal static string? ResolveJwtKey(ClerkAuthenticationOptions options) =>
        !string.IsNullOrWhiteSpace(options.JwtKey) ? options.JwtKey
        : options.JwksUrl is null && string.IsNullOrWhiteSpace(options.SecretKey) && Environment.GetEnvironmentVariable(ClerkAuthenticationOptions.JwtKeyEnvironmentVariable) is { Length: > 0 } env
            ? env.Replace("\\n", "\n", StringComparison.Ordinal)
            : null;

    internal static string? ResolveSecretKey(ClerkAuthenticationOptions options) =>
        !string.IsNullOrWhiteSpace(options.SecretKey) ? options.SecretKey
        : Environment.GetEnvironmentVariable(ClerkAuthenticationOptions.SecretKeyEnvironmentVariable) is { Length: > 0 } env ? env : null;
}

/// <summary>
/// A scheme's keys and validator, built on first use unless the request authenticator needed the keys already, the
/// name of its suffixed session cookie (null when unknown), its request authenticator (cookie mode with a publishable
/// key; null otherwise), and its JWKS cache once built (null for static keys).
/// </summary>
internal sealed class ClerkSchemeValidator(
    Lazy<IJwksProvider> keys, Func<IJwksProvider, ClerkTokenValidator> createValidator, string? suffixedCookieName, ClerkRequestAuthenticator? authenticator = null)
{
    private readonly Lazy<ClerkTokenValidator> _validator = new(() => createValidator(keys.Value));

    public ClerkTokenValidator Validator => _validator.Value;

    public string? SuffixedCookieName => suffixedCookieName;

    public ClerkRequestAuthenticator? Authenticator => authenticator;

    public JwksCache? Keys => keys.IsValueCreated ? keys.Value as JwksCache : null;

    /// <summary>Whether the keys are built (a PEM key imported): not before the first token or the first cookie.</summary>
    public bool HasKeys => keys.IsValueCreated;
}
