using System.Globalization;
using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clerk.Generated.Requests;

/// <summary>
/// Authenticates a request the way Clerk's backend SDKs do (@clerk/backend <c>authenticateRequest</c>): a bearer
/// token first; otherwise the session cookies checked against <c>__client_uat</c>, a returning handshake resolved
/// into <c>Set-Cookie</c> headers, and a handshake redirect to the frontend API for page navigations whose cookie is
/// missing or stale while the client is signed in. Development instances, satellite domains, proxies and
/// organization sync included. Framework-agnostic and thread-safe: create one per configuration and share it.
/// </summary>
public sealed class ClerkRequestAuthenticator
{
    /// <summary>The Backend API version handshakes announce to the frontend API.</summary>
    public const string ApiVersion = "2026-05-12";

    private const int MaxRedirects = 3;
    private static readonly TimeSpan DevelopmentClockTolerance = TimeSpan.FromDays(1);

    private readonly ResolvedConfiguration _configuration;
    private readonly ClerkTokenValidator _validator;
    private readonly ClerkTokenValidationOptions _validationOptions;
    private readonly IJwksProvider _keys;
    private readonly HttpClient? _httpClient;
    private readonly string? _secretKey;
    private readonly Uri _apiUrl;
    private readonly TimeProvider _time;
    private readonly ClerkTokenTypes _acceptsToken;
    private readonly bool _treatPendingAsSignedOut;
    private readonly PathPattern? _organizationPattern;
    private readonly PathPattern? _personalAccountPattern;
    private readonly ILogger _logger;

    /// <summary>Creates an authenticator.</summary>
    /// <param name="options">The instance's keys and setup; copied now.</param>
    /// <param name="keys">Session token signing keys: a <see cref="JwksCache"/>, or <see cref="StaticJwksProvider.FromPem"/> with <c>CLERK_JWT_KEY</c>.</param>
    /// <param name="httpClient">Resolves handshake nonces through the Backend API (with <see cref="ClerkRequestAuthenticatorOptions.SecretKey"/>); nonces are ignored without one.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="machineTokenVerifier">Verifies API keys, M2M and OAuth tokens when <see cref="ClerkRequestAuthenticatorOptions.AcceptsToken"/> allows them.</param>
    /// <param name="logger">Receives handshake problems (never a token or key).</param>
    /// <exception cref="ArgumentException">The publishable key is missing or invalid, or a satellite is incompletely configured.</exception>
    public ClerkRequestAuthenticator(
        ClerkRequestAuthenticatorOptions options,
        IJwksProvider keys,
        HttpClient? httpClient = null,
        TimeProvider? timeProvider = null,
        IMachineTokenVerifier? machineTokenVerifier = null,
        ILogger<ClerkRequestAuthenticator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        _configuration = ResolvedConfiguration.From(options);
        _keys = keys;
        _httpClient = httpClient;
        _secretKey = string.IsNullOrEmpty(options.SecretKey) ? null : options.SecretKey;
        var apiUrl = (options.ApiUrl ?? JwksCacheOptions.DefaultApiUrl).AbsoluteUri;
        _apiUrl = new Uri(apiUrl.EndsWith('/') ? apiUrl : apiUrl + "/");
        _time = timeProvider ?? TimeProvider.System;
        _acceptsToken = options.AcceptsToken == ClerkTokenTypes.None ? ClerkTokenTypes.SessionToken : options.AcceptsToken;
        _treatPendingAsSignedOut = options.TreatPendingAsSignedOut;
        _organizationPattern = PathPattern.Create(options.OrganizationSync?.OrganizationPatterns);
        _personalAccountPattern = PathPattern.Create(options.OrganizationSync?.PersonalAccountPatterns);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _validationOptions = new ClerkTokenValidationOptions
        {
            AuthorizedParties = (options.AuthorizedParties ?? []).ToList(),
            Issuer = options.Issuer is null ? "https://" + _configuration.OriginalFrontendApi : options.Issuer,
            ClockSkew = options.ClockSkew,
            AcceptsToken = _acceptsToken,
            // Pending sessions are decided here, after the cross-origin and organization steps that need the
            // verified token, as Clerk decides them after verification.
            TreatPendingAsSignedOut = false,
        };
        _validator = new ClerkTokenValidator(keys, _validationOptions, _time, machineTokenVerifier);
    }

    /// <summary>The parsed publishable key.</summary>
    public ClerkPublishableKey PublishableKey => _configuration.PublishableKey;

    /// <summary>The issuer session tokens must carry (null when unchecked).</summary>
    public string? Issuer => string.IsNullOrEmpty(_validationOptions.Issuer) ? null : _validationOptions.Issuer;

    /// <summary>Decides whether <paramref name="request"/> is signed in, signed out, or needs a handshake.</summary>
    /// <returns>The state; never throws for anything the request carries.</returns>
    public async ValueTask<ClerkRequestState> AuthenticateAsync(ClerkAuthenticationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = new RequestContext(request, _configuration, _time.GetUtcNow().ToUnixTimeMilliseconds());
        var flow = new Flow(this, context);

        if (IsSeveralTypes(_acceptsToken) && (TokenTypeOf(context.TokenInHeader) & _acceptsToken) == 0)
        {
            return ClerkRequestState.SignedOut(ClerkAuthReason.TokenTypeMismatch, tokenType: ClerkTokenTypes.None);
        }

        if (context.TokenInHeader is { } token)
        {
            if (_acceptsToken == ClerkTokenTypes.SessionToken)
            {
                return await flow.SessionTokenInHeaderAsync(token, cancellationToken).ConfigureAwait(false);
            }

            return IsSeveralTypes(_acceptsToken)
                ? await flow.AnyTokenInHeaderAsync(token, cancellationToken).ConfigureAwait(false)
                : await flow.MachineTokenInHeaderAsync(token, cancellationToken).ConfigureAwait(false);
        }

        if ((_acceptsToken & ClerkTokenTypes.SessionToken) == 0)
        {
            return ClerkRequestState.SignedOut(ClerkAuthReason.NoTokenInHeader, tokenType: _acceptsToken);
        }

        return await flow.CookiesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static bool IsSeveralTypes(ClerkTokenTypes types) => ((int)types & ((int)types - 1)) != 0;

    /// <summary>The type a header token is taken for (a session token when there is none).</summary>
    private static ClerkTokenTypes TokenTypeOf(string? token)
    {
        if (token is null)
        {
            return ClerkTokenTypes.SessionToken;
        }

        var byPrefix = MachineTokenPrefixes.Classify(token);
        if (byPrefix != ClerkTokenTypes.SessionToken)
        {
            return byPrefix;
        }

        var peek = JwtPeek.Read(token);
        return peek.IsM2MJwt ? ClerkTokenTypes.M2MToken : peek.IsOAuthJwt ? ClerkTokenTypes.OAuthToken : ClerkTokenTypes.SessionToken;
    }

    /// <summary>One request's way through the decision procedure.</summary>
    private sealed class Flow(ClerkRequestAuthenticator owner, RequestContext context)
    {
        public async ValueTask<ClerkRequestState> SessionTokenInHeaderAsync(string token, CancellationToken cancellationToken)
        {
            var peek = JwtPeek.Read(token);
            if (peek.IsMachineJwt || (peek.IsDecoded && peek.HasNonSessionCategory))
            {
                return ClerkRequestState.SignedOut(ClerkAuthReason.TokenTypeMismatch);
            }

            if (MachineTokenPrefixes.Classify(token) != ClerkTokenTypes.SessionToken)
            {
                // An opaque machine token is not a JWT: as a session token it cannot even be decoded.
                return ClerkRequestState.SignedOut(ClerkAuthReason.TokenInvalid);
            }

            var result = await owner._validator.ValidateAsync(token, cancellationToken).ConfigureAwait(false);
            return result.IsValid ? SignedIn(result) : SessionTokenError(result.Reason);
        }

        public async ValueTask<ClerkRequestState> AnyTokenInHeaderAsync(string token, CancellationToken cancellationToken)
        {
            var type = TokenTypeOf(token);
            if (type != ClerkTokenTypes.SessionToken)
            {
                return await MachineTokenAsync(token, type, cancellationToken).ConfigureAwait(false);
            }

            var peek = JwtPeek.Read(token);
            if (peek.IsDecoded && peek.HasNonSessionCategory)
            {
                return ClerkRequestState.SignedOut(ClerkAuthReason.TokenTypeMismatch);
            }

            var result = await owner._validator.ValidateAsync(token, cancellationToken).ConfigureAwait(false);
            return result.IsValid ? SignedIn(result) : SessionTokenError(result.Reason);
        }

        public async ValueTask<ClerkRequestState> MachineTokenInHeaderAsync(string token, CancellationToken cancellationToken)
        {
            var type = TokenTypeOf(token);
            if (type == ClerkTokenTypes.SessionToken)
            {
                return ClerkRequestState.SignedOut(ClerkAuthReason.TokenTypeMismatch, tokenType: owner._acceptsToken);
            }

            return await MachineTokenAsync(token, type, cancellationToken).ConfigureAwait(false);
        }

        private async ValueTask<ClerkRequestState> MachineTokenAsync(string token, ClerkTokenTypes type, CancellationToken cancellationToken)
        {
            if ((owner._acceptsToken & type) == 0)
            {
                return ClerkRequestState.SignedOut(ClerkAuthReason.TokenTypeMismatch, tokenType: IsSeveralTypes(owner._acceptsToken) ? type : owner._acceptsToken);
            }

            if (MachineTokenPrefixes.Classify(token) == ClerkTokenTypes.SessionToken)
            {
                // A JWT-format M2M or OAuth token: verified locally with the instance's keys.
                var (machine, failure) = await MachineJwt.VerifyAsync(
                    token, type, owner._keys, owner._time.GetUtcNow().ToUnixTimeMilliseconds(), (long)owner._validationOptions.ClockSkew.TotalMilliseconds, cancellationToken).ConfigureAwait(false);
                return machine is not null
                    ? ClerkRequestState.SignedIn(ClerkTokenValidationResult.Success(machine))
                    : ClerkRequestState.SignedOut(failure, message: "The JWT-format machine token did not verify.", tokenType: type);
            }

            var result = await owner._validator.ValidateAsync(token, cancellationToken).ConfigureAwait(false);
            if (result.IsValid)
            {
                return ClerkRequestState.SignedIn(result);
            }

            var reason = result.Reason switch
            {
                TokenRejectionReason.MachineTokenInvalid => ClerkAuthReason.TokenInvalid,
                TokenRejectionReason.TokenTypeNotAccepted => ClerkAuthReason.TokenTypeMismatch,
                _ => ClerkAuthReason.UnexpectedError,
            };
            return ClerkRequestState.SignedOut(reason, message: result.Message, tokenType: type);
        }

        public async ValueTask<ClerkRequestState> CookiesAsync(CancellationToken cancellationToken)
        {
            var hasActiveClient = context.ClientUat != 0;
            var hasSessionToken = context.SessionTokenInCookie is not null;
            var hasDevBrowserToken = context.DevBrowserToken is not null;

            if (context.HandshakeNonce is not null || context.HandshakeToken is not null)
            {
                var resolved = await ResolveHandshakeAsync(cancellationToken).ConfigureAwait(false);
                if (resolved is not null)
                {
                    return resolved;
                }
            }

            var isMultiDomainSyncRequest = owner._configuration.IsSatellite && context.SecFetchDest == "document" && context.Method == "GET";
            var synced = context.ClerkUrl.Query.Get("__clerk_synced");
            var needsSync = synced == "false";
            var syncCompleted = synced == "true";
            var hasCookies = hasSessionToken || hasActiveClient;
            var skipSatelliteHandshake = !owner._configuration.SatelliteAutoSync && !hasCookies && !needsSync;
            if (isMultiDomainSyncRequest && !syncCompleted)
            {
                if (skipSatelliteHandshake)
                {
                    return ClerkRequestState.SignedOut(ClerkAuthReason.SessionTokenAndUatMissing);
                }

                if (!hasCookies || needsSync)
                {
                    return context.IsDevelopment
                        ? MaybeHandshake(ClerkAuthReason.SatelliteCookieNeedsSyncing, headers: RedirectToPrimarySignIn())
                        : MaybeHandshake(ClerkAuthReason.SatelliteCookieNeedsSyncing);
                }
            }

            var satelliteReturnUrl = context.ClerkUrl.Query.Get("__clerk_redirect_url");
            if (context.IsDevelopment && !owner._configuration.IsSatellite && !string.IsNullOrEmpty(satelliteReturnUrl))
            {
                if (!RequestUrl.TryParse(satelliteReturnUrl, out var back))
                {
                    return ClerkRequestState.SignedOut(ClerkAuthReason.UnexpectedError, message: "__clerk_redirect_url is not an absolute URL.");
                }

                if (context.DevBrowserToken is { } devBrowser)
                {
                    back.Query.Append(RequestContext.DevBrowserCookie, devBrowser);
                }

                back.Query.Set("__clerk_synced", "true");
                return MaybeHandshake(ClerkAuthReason.PrimaryRespondsToSyncing, headers: [new("Location", back.ToString())]);
            }

            if (context.IsDevelopment && context.ClerkUrl.Query.Has(RequestContext.DevBrowserCookie))
            {
                return MaybeHandshake(ClerkAuthReason.DevBrowserSync);
            }

            if (context.IsDevelopment && !hasDevBrowserToken)
            {
                return MaybeHandshake(ClerkAuthReason.DevBrowserMissing);
            }

            if (!hasActiveClient && !hasSessionToken)
            {
                return ClerkRequestState.SignedOut(ClerkAuthReason.SessionTokenAndUatMissing);
            }

            if (!hasActiveClient)
            {
                return MaybeHandshake(ClerkAuthReason.SessionTokenWithoutClientUat);
            }

            if (!hasSessionToken)
            {
                return MaybeHandshake(ClerkAuthReason.ClientUatWithoutSessionToken);
            }

            var sessionToken = context.SessionTokenInCookie!;
            var peek = JwtPeek.Read(sessionToken);
            if (!peek.IsDecoded)
            {
                return ClerkRequestState.SignedOut(ClerkAuthReason.TokenInvalid);
            }

            if (peek.IsMachineJwt || peek.HasNonSessionCategory)
            {
                return ClerkRequestState.SignedOut(ClerkAuthReason.TokenTypeMismatch);
            }

            if (peek.IssuedAt is { } issuedAt && issuedAt < context.ClientUat)
            {
                return MaybeHandshake(ClerkAuthReason.SessionTokenIatBeforeClientUat);
            }

            var result = await owner._validator.ValidateAsync(sessionToken, cancellationToken).ConfigureAwait(false);
            if (!result.IsValid)
            {
                return SessionTokenError(result.Reason);
            }

            var crossOriginNavigation = !owner._configuration.IsSatellite
                && context.Method == "GET"
                && context.SecFetchDest == "document"
                && context.IsCrossOriginReferrer()
                && !context.IsKnownClerkReferrer()
                && context.RedirectCount == 0;
            if (crossOriginNavigation)
            {
                return MaybeHandshake(ClerkAuthReason.PrimaryDomainCrossOriginSync, message: "Cross-origin request from satellite domain requires handshake");
            }

            if (!IsPending(result.Token!) && OrganizationSyncHandshake(result.Token!) is { } organizationHandshake)
            {
                return organizationHandshake;
            }

            return SignedIn(result);
        }

        /// <summary>
        /// A returning handshake: its cookie directives become <c>Set-Cookie</c> headers and its session token signs
        /// the request in. Null when it cannot be resolved, so the request is judged on its own cookies.
        /// </summary>
        private async ValueTask<ClerkRequestState?> ResolveHandshakeAsync(CancellationToken cancellationToken)
        {
            IReadOnlyList<string> directives;
            if (context.HandshakeNonce is { } nonce)
            {
                directives = owner._httpClient is not null && owner._secretKey is not null
                    ? await HandshakePayload.FetchByNonceAsync(owner._httpClient, owner._apiUrl, owner._secretKey, nonce, cancellationToken).ConfigureAwait(false)
                    : [];
            }
            else
            {
                var (verified, failure) = await HandshakePayload.VerifyTokenAsync(context.HandshakeToken!, owner._keys, cancellationToken).ConfigureAwait(false);
                if (verified is null)
                {
                    owner._logger.LogWarning("Clerk handshake token rejected: {Reason}.", failure.ToWireString());
                    // Development instances surface a broken handshake (keys switched locally) instead of silently
                    // falling back to the request's own cookies.
                    return context.IsDevelopment
                        ? ClerkRequestState.SignedOut(failure, message: "The handshake token could not be verified; if you switched Clerk keys, clear your cookies.")
                        : null;
                }

                directives = verified;
            }

            var headers = new List<KeyValuePair<string, string>>
            {
                new("Access-Control-Allow-Origin", "null"),
                new("Access-Control-Allow-Credentials", "true"),
            };
            string? sessionToken = string.Empty;
            foreach (var directive in directives)
            {
                headers.Add(new("Set-Cookie", directive));
                var pair = directive.Split(';')[0].Split('=');
                if (pair[0].StartsWith(RequestContext.SessionCookie, StringComparison.Ordinal))
                {
                    sessionToken = pair.Length > 1 ? pair[1] : null;
                }
            }

            if (context.IsDevelopment)
            {
                var clean = context.ClerkUrl.Clone();
                clean.Query.Delete(RequestContext.HandshakeCookie);
                clean.Query.Delete("__clerk_help");
                clean.Query.Delete(RequestContext.DevBrowserCookie);
                clean.Query.Delete(RequestContext.HandshakeNonceCookie);
                headers.Add(new("Location", clean.ToString()));
                headers.Add(new("Cache-Control", "no-store"));
            }

            if (sessionToken == string.Empty)
            {
                return ClerkRequestState.SignedOut(ClerkAuthReason.SessionTokenMissing, headers: headers);
            }

            if (sessionToken is null)
            {
                return null;
            }

            var result = await owner._validator.ValidateAsync(sessionToken, cancellationToken).ConfigureAwait(false);
            if (result.IsValid)
            {
                return SignedIn(result, headers);
            }

            if (context.IsDevelopment && result.Reason is TokenRejectionReason.Expired or TokenRejectionReason.NotYetValid or TokenRejectionReason.IssuedInFuture)
            {
                var retried = await ValidateToleratingClockAsync(sessionToken, cancellationToken).ConfigureAwait(false);
                if (retried is { IsValid: true })
                {
                    owner._logger.LogWarning("Clerk: clock skew detected while resolving a handshake; this machine's clock is probably wrong.");
                    return SignedIn(retried, headers);
                }
            }

            owner._logger.LogWarning("Clerk handshake carried a session token that did not validate: {Reason}.", result.Reason);
            return null;
        }

        /// <summary>
        /// Development only: a session token that is valid except for its times, within a day of this machine's
        /// clock, is accepted (a developer's clock is often off). The times are checked here with that tolerance;
        /// everything else by the validator, as of an instant inside the token's own validity window.
        /// </summary>
        private async ValueTask<ClerkTokenValidationResult?> ValidateToleratingClockAsync(string token, CancellationToken cancellationToken)
        {
            var peek = JwtPeek.Read(token);
            if (!peek.IsDecoded || peek.ExpiresAt is not { } exp)
            {
                return null;
            }

            var now = owner._time.GetUtcNow().ToUnixTimeMilliseconds();
            var tolerance = DevelopmentClockTolerance.TotalMilliseconds;
            var notBefore = peek.NotBefore;
            var issuedAt = peek.IssuedAt;
            if (exp * 1000 <= now - tolerance || notBefore * 1000 > now + tolerance || issuedAt * 1000 > now + tolerance)
            {
                return null;
            }

            var start = Math.Max(notBefore ?? double.MinValue, issuedAt ?? double.MinValue);
            var asOf = start > double.MinValue && start < exp ? start * 1000 : (exp * 1000) - 1;
            var validator = new ClerkTokenValidator(owner._keys, owner._validationOptions, new FixedTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds((long)asOf)));
            return await validator.ValidateAsync(token, cancellationToken).ConfigureAwait(false);
        }

        private ClerkRequestState SignedIn(ClerkTokenValidationResult result, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
        {
            if (result.Token is { } session && owner._treatPendingAsSignedOut && IsPending(session))
            {
                return ClerkRequestState.SignedOut(ClerkAuthReason.SessionPending, message: "The session is pending: the user has tasks to complete.", headers: headers);
            }

            return ClerkRequestState.SignedIn(result, headers);
        }

        private static bool IsPending(ClerkJwt session) => session.SessionStatus == "pending";

        /// <summary>A failed session token: time problems get a handshake (the client may hold a fresh token), the rest sign out.</summary>
        private ClerkRequestState SessionTokenError(TokenRejectionReason reason)
        {
            switch (reason)
            {
                case TokenRejectionReason.Expired:
                    var refresh = context.Method != "GET"
                        ? "non-eligible-non-get"
                        : context.RefreshTokenInCookie is null ? "non-eligible-no-refresh-cookie" : "missing-api-client";
                    return MaybeHandshake(ClerkAuthReason.SessionTokenExpired, ClerkAuthReason.SessionTokenExpired.ToWireString() + "-refresh-" + refresh, ClerkTokenValidationResult.DescribeReason(reason));
                case TokenRejectionReason.NotYetValid:
                    return MaybeHandshake(ClerkAuthReason.SessionTokenNotBefore, message: ClerkTokenValidationResult.DescribeReason(reason));
                case TokenRejectionReason.IssuedInFuture:
                    return MaybeHandshake(ClerkAuthReason.SessionTokenIatInTheFuture, message: ClerkTokenValidationResult.DescribeReason(reason));
                default:
                    return ClerkRequestState.SignedOut(ToAuthReason(reason), message: ClerkTokenValidationResult.DescribeReason(reason));
            }
        }

        /// <summary>A handshake when the request is a page navigation and the redirect budget allows; signed out otherwise.</summary>
        private ClerkRequestState MaybeHandshake(
            ClerkAuthReason reason,
            string? reasonCode = null,
            string message = "",
            List<KeyValuePair<string, string>>? headers = null)
        {
            reasonCode ??= reason.ToWireString();
            if (!context.IsEligibleForHandshake)
            {
                return ClerkRequestState.SignedOut(reason, reasonCode, message);
            }

            headers ??= [new("Location", BuildHandshakeUrl(reasonCode))];
            if (headers.Any(h => h.Key == "Location"))
            {
                headers.Add(new("Cache-Control", "no-store"));
            }

            if (context.RedirectCount == MaxRedirects)
            {
                owner._logger.LogWarning("Clerk: the handshake for {Reason} ended in a redirect loop; check that the publishable and secret keys belong to the same instance.", reasonCode);
                return ClerkRequestState.SignedOut(reason, reasonCode, message);
            }

            var next = (context.RedirectCount + 1).ToString("R", CultureInfo.InvariantCulture);
            headers.Add(new("Set-Cookie", $"{RequestContext.RedirectCountCookie}={next}; SameSite=Lax; HttpOnly; Max-Age=2"));
            return ClerkRequestState.Handshake(reason, reasonCode, message, headers);
        }

        /// <summary><c>https://&lt;frontend-api&gt;/v1/client/handshake?redirect_url=…</c>, as Clerk's SDKs build it.</summary>
        private string BuildHandshakeUrl(string reasonCode)
        {
            var redirect = context.ClerkUrl.Clone();
            redirect.Query.Delete(RequestContext.DevBrowserCookie);
            redirect.Query.Delete("__dev_session");

            var baseUrl = context.FrontendApi.StartsWith("http", StringComparison.Ordinal) ? context.FrontendApi : "https://" + context.FrontendApi;
            var handshake = new Uri(new Uri(baseUrl.TrimEnd('/') + "/"), "v1/client/handshake");
            var query = FormQuery.Empty();
            query.Append("redirect_url", redirect.ToString());
            query.Append("__clerk_api_version", ApiVersion);
            query.Append("suffixed_cookies", context.UsesSuffixedCookies ? "true" : "false");
            query.Append("__clerk_hs_reason", reasonCode);
            query.Append("format", "nonce");
            if (context.SessionToken is { } session)
            {
                query.Append("__session", session);
            }

            if (context.IsDevelopment && context.DevBrowserToken is { } devBrowser)
            {
                query.Append(RequestContext.DevBrowserCookie, devBrowser);
            }

            if (OrganizationSyncTarget() is { } target)
            {
                query.Append("organization_id", target.OrganizationId ?? target.OrganizationSlug ?? string.Empty);
            }

            return handshake.GetLeftPart(UriPartial.Path) + "?" + query;
        }

        /// <summary>A development satellite sends the browser to the primary's sign-in page, which sends it back synced.</summary>
        private List<KeyValuePair<string, string>> RedirectToPrimarySignIn()
        {
            RequestUrl.TryParse(owner._configuration.SignInUrl, out var signIn);
            signIn.Query.Append("__clerk_redirect_url", context.ClerkUrl.ToString());
            return [new("Location", signIn.ToString())];
        }

        private ClerkRequestState? OrganizationSyncHandshake(ClerkJwt session)
        {
            if (OrganizationSyncTarget() is not { } target)
            {
                return null;
            }

            var active = session.Organization;
            var mustActivate = target.IsPersonalAccount
                ? active is not null
                : (target.OrganizationSlug is { } slug && slug != active?.Slug) || (target.OrganizationId is { } id && id != active?.Id);
            if (!mustActivate || context.RedirectCount >= MaxRedirects)
            {
                return null;
            }

            var state = MaybeHandshake(ClerkAuthReason.ActiveOrganizationMismatch);
            return state.Status == ClerkAuthStatus.Handshake ? state : null;
        }

        private OrganizationTarget? OrganizationSyncTarget()
        {
            var path = context.ClerkUrl.Path;
            if (owner._organizationPattern?.Match(path) is { } values)
            {
                if (values.TryGetValue("id", out var id) && id.Length > 0)
                {
                    return new OrganizationTarget(false, id, null);
                }

                if (values.TryGetValue("slug", out var slug) && slug.Length > 0)
                {
                    return new OrganizationTarget(false, null, slug);
                }
            }

            return owner._personalAccountPattern?.Match(path) is not null ? new OrganizationTarget(true, null, null) : null;
        }

        private static ClerkAuthReason ToAuthReason(TokenRejectionReason reason) => reason switch
        {
            TokenRejectionReason.UnsupportedAlgorithm => ClerkAuthReason.TokenInvalidAlgorithm,
            TokenRejectionReason.BadSignature => ClerkAuthReason.TokenInvalidSignature,
            TokenRejectionReason.MissingSubject or TokenRejectionReason.MissingExpiration => ClerkAuthReason.TokenVerificationFailed,
            TokenRejectionReason.DisallowedAuthorizedParty => ClerkAuthReason.TokenInvalidAuthorizedParties,
            TokenRejectionReason.InvalidIssuer => ClerkAuthReason.TokenInvalidIssuer,
            TokenRejectionReason.UnknownKey => ClerkAuthReason.JwkMissing,
            TokenRejectionReason.KeysUnavailable => ClerkAuthReason.JwkFailedToLoad,
            TokenRejectionReason.TokenTypeNotAccepted or TokenRejectionReason.NonSessionToken => ClerkAuthReason.TokenTypeMismatch,
            _ => ClerkAuthReason.TokenInvalid,
        };
    }

    private sealed record OrganizationTarget(bool IsPersonalAccount, string? OrganizationId, string? OrganizationSlug);
}
