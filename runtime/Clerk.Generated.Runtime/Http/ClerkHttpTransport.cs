using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clerk.Generated.Http;

/// <summary>
/// Sends <see cref="ClerkRequest"/>s to a Clerk API: <c>{server}{base path}{Path}{Query}</c>, where the server is
/// <see cref="ClerkClientOptions.ApiUrl"/> (Backend and Platform APIs) or the Frontend API's URL, and the base path is
/// the spec's (<see cref="ClerkApiDescription.BasePath"/>); with that API's credentials (secret key, platform access
/// token, or client / dev-browser token) and the <c>Clerk-API-Version</c> header, JSON through source-generated
/// <see cref="JsonTypeInfo{T}"/>, retries with backoff, a per-attempt timeout, telemetry, and typed errors. The
/// generated client calls it.
/// </summary>
public class ClerkHttpTransport
{
    /// <summary>The header that selects the API version.</summary>
    public const string ApiVersionHeader = "Clerk-API-Version";

    private static readonly string ProductUserAgent =
        $"Clerk.Generated/{typeof(ClerkHttpTransport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}";

    private static readonly Lazy<HttpClient> SharedHttpClient = new(CreateSharedHttpClient);

    private readonly HttpClient _httpClient;
    private readonly ClerkApiCredentials _credentials;
    private readonly string? _apiVersion;
    private readonly string _userAgent;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ClerkRetryPolicy _retry;

    /// <summary>Creates a Backend API transport over <paramref name="httpClient"/>, whose own <c>BaseAddress</c> is ignored.</summary>
    /// <param name="httpClient">The client to send through, typically a typed client from <c>IHttpClientFactory</c>.</param>
    /// <param name="options">The options; copied, so later changes have no effect.</param>
    /// <param name="specApiVersion">The spec's <c>info.version</c>, sent as <c>Clerk-API-Version</c> unless <see cref="ClerkClientOptions.ApiVersion"/> is set.</param>
    /// <exception cref="ClerkClientOptionsException">The options are not valid; it lists every problem.</exception>
    public ClerkHttpTransport(HttpClient httpClient, ClerkClientOptions options, string specApiVersion)
        : this(httpClient, options, ClerkApiDescription.Backend(specApiVersion))
    {
    }

    /// <summary>Creates a transport for the API <paramref name="api"/> describes over <paramref name="httpClient"/>, whose own <c>BaseAddress</c> is ignored.</summary>
    /// <param name="httpClient">The client to send through, typically a typed client from <c>IHttpClientFactory</c>.</param>
    /// <param name="options">The options; copied, so later changes have no effect.</param>
    /// <param name="api">The generated client's spec: which API, its version and its server's base path.</param>
    /// <exception cref="ClerkClientOptionsException">The options are not valid for that API; it lists every problem.</exception>
    public ClerkHttpTransport(HttpClient httpClient, ClerkClientOptions options, ClerkApiDescription api)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(api);
        ClerkClientOptionsValidator.ThrowIfInvalid(options, api.Kind);

        _httpClient = httpClient;
        _credentials = ClerkApiCredentials.Resolve(options, api);
        _apiVersion = options.ApiVersion ?? (api.SendsSpecVersion ? api.Version : null);
        _userAgent = string.IsNullOrWhiteSpace(options.UserAgentSuffix) ? ProductUserAgent : $"{ProductUserAgent} {options.UserAgentSuffix.Trim()}";
        _timeout = options.Timeout;
        _time = options.TimeProvider ?? TimeProvider.System;
        _logger = options.LoggerFactory?.CreateLogger("Clerk.Generated.Http.ClerkHttpTransport") ?? NullLogger.Instance;
        var retry = options.Retry;
        _retry = new ClerkRetryPolicy(
            new ClerkRetryOptions
            {
                MaxAttempts = retry.MaxAttempts,
                BaseDelay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                MaxElapsedTime = retry.MaxElapsedTime,
                RetryNonIdempotentRequests = retry.RetryNonIdempotentRequests,
            },
            Random.Shared.NextDouble);
    }

    /// <summary>
    /// Creates a transport over one process-wide <see cref="HttpClient"/> (pooled connections recycled every few
    /// minutes so DNS changes are seen), for use without dependency injection.
    /// </summary>
    /// <param name="options">The options; copied, so later changes have no effect.</param>
    /// <param name="specApiVersion">The spec's <c>info.version</c>.</param>
    public ClerkHttpTransport(ClerkClientOptions options, string specApiVersion)
        : this(SharedHttpClient.Value, options, specApiVersion)
    {
    }

    /// <summary>
    /// Creates a transport for the API <paramref name="api"/> describes over one process-wide <see cref="HttpClient"/>,
    /// for use without dependency injection.
    /// </summary>
    /// <param name="options">The options; copied, so later changes have no effect.</param>
    /// <param name="api">The generated client's spec.</param>
    public ClerkHttpTransport(ClerkClientOptions options, ClerkApiDescription api)
        : this(SharedHttpClient.Value, options, api)
    {
    }

    /// <summary>The <c>Clerk-API-Version</c> this transport sends, or <see langword="null"/> when it sends none (see <see cref="ClerkApiDescription"/>).</summary>
    public string? ApiVersion => _apiVersion;

    /// <summary>Sends the request and reads a 2xx response body as <typeparamref name="T"/>.</summary>
    /// <exception cref="ClerkApiException">The API answered with an error status (after any retries).</exception>
    /// <exception cref="ClerkRateLimitedException">The API answered 429 (after any retries).</exception>
    /// <exception cref="ClerkTimeoutException">The last attempt took longer than the timeout.</exception>
    /// <exception cref="ClerkResponseException">The body could not be read as <typeparamref name="T"/>.</exception>
    /// <exception cref="HttpRequestException">The API could not be reached (after any retries).</exception>
    /// <exception cref="ClerkCredentialsRequiredException">The options satisfy none of the operation's security alternatives (nothing is sent).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<T> SendAsync<T>(ClerkRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseType);
        return ExecuteAsync(request, (response, token) => ReadJsonAsync(request, response, responseType, token), throwOnError: true, cancellationToken);
    }

    /// <summary>Sends the request and expects a 2xx status; any body (202, 204) is ignored.</summary>
    /// <exception cref="ClerkApiException">The API answered with an error status (after any retries).</exception>
    /// <exception cref="ClerkTimeoutException">The last attempt took longer than the timeout.</exception>
    /// <exception cref="ClerkCredentialsRequiredException">The options satisfy none of the operation's security alternatives (nothing is sent).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task SendAsync(ClerkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteAsync(
            request,
            static (response, _) =>
            {
                response.Dispose();
                return Task.FromResult(true);
            },
            throwOnError: true,
            cancellationToken);
    }

    /// <summary>
    /// Sends the request and returns the response as received, whatever its status, with its body buffered: the
    /// escape hatch for anything the typed methods do not cover. Retries still apply. The caller disposes the response.
    /// </summary>
    /// <exception cref="ClerkTimeoutException">The last attempt took longer than the timeout.</exception>
    /// <exception cref="ClerkCredentialsRequiredException">The options satisfy none of the operation's security alternatives (nothing is sent).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<HttpResponseMessage> SendRawAsync(ClerkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteAsync(
            request,
            static async (response, token) =>
            {
                await response.Content.LoadIntoBufferAsync(token).ConfigureAwait(false);
                return response;
            },
            throwOnError: false,
            cancellationToken);
    }

    /// <summary>The absolute URI a request is sent to, with the query parameters of the security alternative it would be sent with.</summary>
    /// <exception cref="ClerkCredentialsRequiredException">The options satisfy none of the request's security alternatives.</exception>
    public Uri GetRequestUri(ClerkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _credentials.GetRequestUri(request, _credentials.Choose(request));
    }

    /// <summary>
    /// Runs the attempts until one completes or the retry policy gives up. <paramref name="onResult"/> receives the
    /// response of a successful attempt (or, when <paramref name="throwOnError"/> is false, the final error response)
    /// and owns it from then on.
    /// </summary>
    private async Task<TResult> ExecuteAsync<TResult>(
        ClerkRequest request,
        Func<HttpResponseMessage, CancellationToken, Task<TResult>> onResult,
        bool throwOnError,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var credentials = _credentials.Choose(request);
        await request.PrepareAsync(cancellationToken).ConfigureAwait(false);

        using var call = new ClerkCallTelemetry(request, _credentials.ServerAddress, _time);
        try
        {
            while (true)
            {
                var outcome = await AttemptAsync(request, credentials, call, onResult, throwOnError, cancellationToken).ConfigureAwait(false);
                if (outcome.IsCompleted)
                {
                    return outcome.Result;
                }

                var (delay, whyNot) = _retry.NextDelay(request, call.Attempts, outcome.RetryAfter, call.Elapsed);
                if (whyNot is not null)
                {
                    ClerkTransportLog.GivingUp(_logger, request.OperationId, call.Attempts, outcome.Reason, whyNot);
                    if (outcome.ErrorResponse is { } response)
                    {
                        return await FinishWithErrorAsync(request, response, outcome.RetryAfter, onResult, throwOnError, cancellationToken).ConfigureAwait(false);
                    }

                    if (outcome.Failure is OperationCanceledException)
                    {
                        throw new ClerkTimeoutException(request.OperationId, _timeout, call.Attempts, outcome.Failure);
                    }

                    ExceptionDispatchInfo.Throw(outcome.Failure!);
                }

                outcome.ErrorResponse?.Dispose();
                ClerkTransportLog.Retrying(_logger, request.OperationId, call.Attempts, outcome.Reason, delay.TotalMilliseconds);
                call.Retrying(outcome.Reason);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            call.ErrorType = "canceled";
            throw;
        }
    }

    /// <summary>
    /// One attempt under its own timeout: sends the request and hands a success to <paramref name="onResult"/>, a
    /// final error status to <see cref="FinishWithErrorAsync"/>; a retryable status, a timeout or a connection failure
    /// comes back as an outcome for the retry policy. The caller's cancellation is thrown.
    /// </summary>
    private async Task<ClerkAttemptOutcome<TResult>> AttemptAsync<TResult>(
        ClerkRequest request,
        ClerkCredentials credentials,
        ClerkCallTelemetry call,
        Func<HttpResponseMessage, CancellationToken, Task<TResult>> onResult,
        bool throwOnError,
        CancellationToken cancellationToken)
    {
        var attempt = call.StartAttempt();
        var attemptStarted = _time.GetTimestamp();
        using var timeout = _timeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage? response = null;
        try
        {
            using (var message = CreateMessage(request, credentials))
            {
                ClerkTransportLog.Sending(_logger, request.OperationId, request.Method.Method, request.PathTemplate, attempt);
                response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            }

            call.StatusCode = (int)response.StatusCode;
            ClerkTransportLog.Answered(_logger, request.OperationId, attempt, call.StatusCode.Value, _time.GetElapsedTime(attemptStarted).TotalMilliseconds);
            if (response.IsSuccessStatusCode)
            {
                call.ErrorType = null;
                return ClerkAttemptOutcome<TResult>.Completed(await onResult(response, linked.Token).ConfigureAwait(false));
            }

            // Read the error body now, under this attempt's timeout, so the connection can be reused and the final
            // exception (or raw response) has it.
            await response.Content.LoadIntoBufferAsync(linked.Token).ConfigureAwait(false);
            call.ErrorType = call.StatusCode.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var retryAfter = ClerkRetryPolicy.ParseRetryAfter(response.Headers, _time.GetUtcNow());
            return ClerkRetryPolicy.IsRetryableStatus(response.StatusCode)
                ? ClerkAttemptOutcome<TResult>.ErrorStatus(response, retryAfter)
                : ClerkAttemptOutcome<TResult>.Completed(
                    await FinishWithErrorAsync(request, response, retryAfter, onResult, throwOnError, linked.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            call.ErrorType = "canceled";
            throw new OperationCanceledException("The Clerk API call was canceled by the caller.", ex, cancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            // Not the caller's token: this attempt's timeout (or HttpClient.Timeout) elapsed.
            response?.Dispose();
            call.ErrorType = "timeout";
            return ClerkAttemptOutcome<TResult>.Failed(ex, "timeout");
        }
        catch (HttpRequestException ex)
        {
            response?.Dispose();
            call.ErrorType = ex.HttpRequestError.ToString();
            return ClerkAttemptOutcome<TResult>.Failed(ex, $"connection failure ({ex.HttpRequestError})");
        }
    }

    /// <summary>The final error response: to <paramref name="onResult"/> when not throwing, else as a typed exception.</summary>
    private static async Task<TResult> FinishWithErrorAsync<TResult>(
        ClerkRequest request,
        HttpResponseMessage response,
        TimeSpan? retryAfter,
        Func<HttpResponseMessage, CancellationToken, Task<TResult>> onResult,
        bool throwOnError,
        CancellationToken cancellationToken)
    {
        if (!throwOnError)
        {
            return await onResult(response, cancellationToken).ConfigureAwait(false);
        }

        throw await ClerkErrorResponse.ToExceptionAsync(request, response, retryAfter, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadJsonAsync<T>(ClerkRequest request, HttpResponseMessage response, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        using (response)
        {
            T? value;
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    value = await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (JsonException ex)
            {
                throw new ClerkResponseException(request.OperationId, response.StatusCode, responseType.Type.Name, ex.Message, ex);
            }

            return value ?? throw new ClerkResponseException(request.OperationId, response.StatusCode, responseType.Type.Name, "the body is JSON null.");
        }
    }

    private HttpRequestMessage CreateMessage(ClerkRequest request, ClerkCredentials credentials)
    {
        var message = new HttpRequestMessage(request.Method, _credentials.GetRequestUri(request, credentials));
        _credentials.Apply(message, credentials);

        if (_apiVersion is not null)
        {
            message.Headers.TryAddWithoutValidation(ApiVersionHeader, _apiVersion);
        }

        message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.ApplyHeaders(message);
        message.Content = request.CreateContent();
        return message;
    }

    private static HttpClient CreateSharedHttpClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            // The transport's own per-attempt timeout governs.
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <inheritdoc />
    public override string ToString() => $"ClerkHttpTransport {_credentials.BaseUrl} (API version {_apiVersion ?? "not sent"})";
}
