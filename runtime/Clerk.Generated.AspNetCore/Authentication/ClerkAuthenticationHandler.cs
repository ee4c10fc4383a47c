using System.Text.Encodings.Web;
using Clerk.Generated.Requests;
using Clerk.Generated.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Clerk.Generated.Authentication;

/// <summary>
/// The Clerk authentication scheme: finds the token (bearer header, then session cookie when enabled), validates it
/// with <see cref="ClerkTokenValidator"/>, and builds a principal with <see cref="ClerkClaimTypes"/>. Challenges
/// answer 401 with a <c>WWW-Authenticate: Bearer</c> header and problem details, or 503 when signing keys cannot be
/// had; forbids answer 403 with problem details naming what was missing.
/// </summary>
internal sealed partial class ClerkAuthenticationHandler : AuthenticationHandler<ClerkAuthenticationOptions>, IAuthenticationRequestHandler
{
    /// <summary>The <c>HttpContext.Items</c> key under which authorization leaves the failed Clerk requirements for the forbid.</summary>
    internal const string FailedRequirementsItem = "Clerk.Generated.FailedRequirements";

    private readonly ClerkValidatorProvider _validators;

    /// <summary>Creates the handler (done by the authentication system, once per request).</summary>
    public ClerkAuthenticationHandler(
        IOptionsMonitor<ClerkAuthenticationOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        ClerkValidatorProvider validators)
        : base(options, logger, encoder)
    {
        _validators = validators;
    }

    private new ClerkAuthenticationEvents Events => (ClerkAuthenticationEvents)base.Events!;

    /// <inheritdoc />
    protected override Task<object> CreateEventsAsync() => Task.FromResult<object>(new ClerkAuthenticationEvents());

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? supplied = null;
        if (Events.ObservesTokenReceived)
        {
            var received = new ClerkTokenReceivedContext(Context, Scheme, Options);
            await Events.TokenReceived(received).ConfigureAwait(false);
            if (received.Result is not null)
            {
                return received.Result;
            }

            supplied = received.Token;
        }

        var scheme = _validators.Get(Scheme.Name);
        if (scheme.Authenticator is not null && supplied is not { Length: > 0 })
        {
            return await AuthenticateRequestAsync(scheme.Authenticator).ConfigureAwait(false);
        }

        string? token;
        ClerkTokenSource source;
        if (supplied is { Length: > 0 })
        {
            token = supplied;
            source = ClerkTokenSource.Event;
        }
        else
        {
            token = ClerkRequestToken.Find(Request, Options.ValidateSessionCookie, scheme.SuffixedCookieName, out source);
        }

        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        var validation = await scheme.Validator.ValidateAsync(token, Context.RequestAborted).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            var failure = new ClerkAuthenticationException(validation, source);
            LogRejected(Logger, Scheme.Name, validation.Reason, source);
            var failed = new ClerkAuthenticationFailedContext(Context, Scheme, Options, failure);
            await Events.AuthenticationFailed(failed).ConfigureAwait(false);
            return failed.Result ?? AuthenticateResult.Fail(failure);
        }

        return await SucceedAsync(validation, source).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs Clerk's request procedure before the endpoint (as a request handler): a handshake ends the request with a
    /// 307 to the frontend API; a resolved handshake's cookies are set, and on development instances its redirect to
    /// the clean URL is sent.
    /// </summary>
    public async Task<bool> HandleRequestAsync()
    {
        if (_validators.Get(Scheme.Name).Authenticator is not { } authenticator)
        {
            return false;
        }

        var state = await GetRequestStateAsync(authenticator).ConfigureAwait(false);
        foreach (var (name, value) in state.Headers)
        {
            if (string.Equals(name, HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase))
            {
                Response.Headers.Append(HeaderNames.SetCookie, value);
            }
            else
            {
                Response.Headers[name] = value;
            }
        }

        if (state.Location is null)
        {
            return false;
        }

        Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
        return true;
    }

    private async Task<ClerkRequestState> GetRequestStateAsync(ClerkRequestAuthenticator authenticator)
    {
        if (Context.Features.Get<ClerkRequestState>() is { } known)
        {
            return known;
        }

        var state = await authenticator.AuthenticateAsync(Request.ToClerkAuthenticationRequest(), Context.RequestAborted).ConfigureAwait(false);
        Context.Features.Set(state);
        return state;
    }

    private async Task<AuthenticateResult> AuthenticateRequestAsync(ClerkRequestAuthenticator authenticator)
    {
        var state = await GetRequestStateAsync(authenticator).ConfigureAwait(false);
        var source = Request.Headers.Authorization.Count > 0 ? ClerkTokenSource.AuthorizationHeader : ClerkTokenSource.SessionCookie;
        if (state is { IsSignedIn: true, Validation: { } validation })
        {
            return await SucceedAsync(validation, source).ConfigureAwait(false);
        }

        if (state.Status == ClerkAuthStatus.Handshake || ClerkRequestFailure.IsNoCredential(state.Reason))
        {
            return AuthenticateResult.NoResult();
        }

        var failure = new ClerkAuthenticationException(ClerkRequestFailure.ToRejectionReason(state.Reason), $"{state.Message} ({state.ReasonCode})".TrimStart(), source);
        LogRejected(Logger, Scheme.Name, failure.Reason, source);
        var failed = new ClerkAuthenticationFailedContext(Context, Scheme, Options, failure);
        await Events.AuthenticationFailed(failed).ConfigureAwait(false);
        return failed.Result ?? AuthenticateResult.Fail(failure);
    }

    private async Task<AuthenticateResult> SucceedAsync(ClerkTokenValidationResult validation, ClerkTokenSource source)
    {
        var principal = ClerkPrincipalFactory.Create(validation);
        if (!Events.ObservesTokenValidated)
        {
            // Nobody listens: the same ticket the event's Success() would build, without the context around it.
            SetFeature(validation, source);
            return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
        }

        var validated = new ClerkTokenValidatedContext(Context, Scheme, Options, validation, source) { Principal = principal };
        await Events.TokenValidated(validated).ConfigureAwait(false);
        if (validated.Result is not null)
        {
            return validated.Result;
        }

        SetFeature(validation, source);
        validated.Success();
        return validated.Result!;
    }

    private void SetFeature(ClerkTokenValidationResult validation, ClerkTokenSource source) =>
        Context.Features.Set<IClerkAuthenticationFeature>(new ClerkAuthenticationFeature(validation.Token, validation.MachineToken, source));

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        var failure = result.Failure as ClerkAuthenticationException;
        var challenge = new ClerkChallengeContext(Context, Scheme, Options, properties, failure);
        await Events.Challenge(challenge).ConfigureAwait(false);
        if (challenge.Handled || Response.HasStarted)
        {
            return;
        }

        if (failure is { IsServiceUnavailable: true })
        {
            // The token may be fine; the server cannot check it. Asking the client to re-authenticate would not help.
            Response.Headers.RetryAfter = failure.RetryAfterSeconds;
            await WriteProblemAsync(StatusCodes.Status503ServiceUnavailable, "Authentication unavailable", failure.Message, failure.Reason.ToString()).ConfigureAwait(false);
            return;
        }

        Response.Headers.Append(HeaderNames.WWWAuthenticate, failure is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{failure.Message}\"");
        var detail = failure?.Message ?? "A Clerk session token is required (Authorization: Bearer, or the __session cookie where enabled).";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", detail, challenge.Reason.ToString()).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var failed = Context.Items.TryGetValue(FailedRequirementsItem, out var value) && value is IReadOnlyList<string> list ? list : [];
        var forbidden = new ClerkForbiddenContext(Context, Scheme, Options, properties, failed);
        await Events.Forbidden(forbidden).ConfigureAwait(false);
        if (forbidden.Handled || Response.HasStarted)
        {
            return;
        }

        var detail = failed.Count > 0
            ? "The session lacks what this resource requires: " + string.Join("; ", failed) + "."
            : "The session is not allowed to access this resource.";
        Response.StatusCode = StatusCodes.Status403Forbidden;
        if (Options.WriteProblemDetails)
        {
            await ClerkProblemDetails.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", detail, "Forbidden", failed).ConfigureAwait(false);
        }
    }

    private Task WriteProblemAsync(int status, string title, string detail, string reason)
    {
        Response.StatusCode = status;
        return Options.WriteProblemDetails
            ? ClerkProblemDetails.WriteAsync(Context, status, title, detail, reason)
            : Task.CompletedTask;
    }

    [LoggerMessage(1, LogLevel.Debug, "Clerk scheme {Scheme} rejected the token from {Source}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string scheme, TokenRejectionReason reason, ClerkTokenSource source);
}
