using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clerk.Generated.Http;

/// <summary>
/// Sends <see cref="ClerkRequest"/>s to the Clerk Backend API: <c>{ApiUrl}/v1{Path}{Query}</c> with the bearer
/// secret key and the <c>Clerk-API-Version</c> header, JSON through source-generated <see cref="JsonTypeInfo{T}"/>,
/// retries with backoff, a per-attempt timeout, telemetry, and typed errors. The generated client calls it.
/// </summary>
public class ClerkHttpTransport
{
    /// <summary>The header that selects the API version.</summary>
    public const string ApiVersionHeader = "Clerk-API-Version";

    private static readonly string ProductUserAgent =
        $"Clerk.Generated/{typeof(ClerkHttpTransport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}";

    private static readonly Lazy<HttpClient> SharedHttpClient = new(CreateSharedHttpClient);

    private readonly HttpClient _httpClient;
    private readonly string _secretKey;
    private readonly string _apiBase;
    private readonly string _apiVersion;
    private readonly string _userAgent;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ClerkRetryPolicy _retry;
    private readonly string _serverAddress;

    /// <summary>Creates a transport over <paramref name="httpClient"/>, whose own <c>BaseAddress</c> is ignored.</summary>
    /// <param name="httpClient">The client to send through, typically a typed client from <c>IHttpClientFactory</c>.</param>
    /// <param name="options">The options; copied, so later changes have no effect.</param>
    /// <param name="specApiVersion">The spec's <c>info.version</c>, sent as <c>Clerk-API-Version</c> unless <see cref="ClerkClientOptions.ApiVersion"/> is set.</param>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public ClerkHttpTransport(HttpClient httpClient, ClerkClientOptions options, string specApiVersion)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(specApiVersion);
        var failures = ClerkClientOptionsValidator.GetFailures(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid Clerk client options: " + string.Join(" ", failures), nameof(options));
        }

        _httpClient = httpClient;
        _secretKey = options.ResolveSecretKey()!;
        _apiBase = options.ApiUrl.TrimEnd('/') + "/v1";
        _serverAddress = new Uri(options.ApiUrl).Host;
        _apiVersion = options.ApiVersion ?? specApiVersion;
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

    /// <summary>The <c>Clerk-API-Version</c> this transport sends.</summary>
    public string ApiVersion => _apiVersion;

    /// <summary>Sends the request and reads a 2xx response body as <typeparamref name="T"/>.</summary>
    /// <exception cref="ClerkApiException">The API answered with an error status (after any retries).</exception>
    /// <exception cref="ClerkRateLimitedException">The API answered 429 (after any retries).</exception>
    /// <exception cref="ClerkTimeoutException">The last attempt took longer than the timeout.</exception>
    /// <exception cref="ClerkResponseException">The body could not be read as <typeparamref name="T"/>.</exception>
    /// <exception cref="HttpRequestException">The API could not be reached (after any retries).</exception>
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

    /// <summary>The absolute URI a request is sent to.</summary>
    public Uri GetRequestUri(ClerkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Sent exactly as built: the path's segments are already escaped, and canonicalisation would unescape
        // "%2E%2E" into ".." and let a crafted id address a different resource.
        return new Uri(_apiBase + request.Path + request.Query, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    /// <summary>
    /// Runs the attempts. <paramref name="onResult"/> receives the response of a successful attempt (or, when
    /// <paramref name="throwOnError"/> is false, the final error response) and owns it from then on.
    /// </summary>
    private async Task<TResult> ExecuteAsync<TResult>(
        ClerkRequest request,
        Func<HttpResponseMessage, CancellationToken, Task<TResult>> onResult,
        bool throwOnError,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await request.PrepareAsync(cancellationToken).ConfigureAwait(false);

        var started = _time.GetTimestamp();
        using var activity = ClerkTelemetry.ActivitySource.StartActivity($"Clerk {request.OperationId}", ActivityKind.Client);
        activity?.SetTag(ClerkTelemetry.OperationIdTag, request.OperationId);
        activity?.SetTag("http.request.method", request.Method.Method);
        activity?.SetTag("url.template", request.PathTemplate);
        activity?.SetTag("server.address", _serverAddress);

        var attempt = 0;
        int? statusCode = null;
        string? errorType = null;
        try
        {
            while (true)
            {
                attempt++;
                var attemptStarted = _time.GetTimestamp();
                using var timeout = _timeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(_timeout, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                HttpResponseMessage? response = null;
                Exception? failure;
                string reason;
                TimeSpan? retryAfter = null;
                try
                {
                    using (var message = CreateMessage(request))
                    {
                        ClerkTransportLog.Sending(_logger, request.OperationId, request.Method.Method, request.PathTemplate, attempt);
                        response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                    }

                    statusCode = (int)response.StatusCode;
                    ClerkTransportLog.Answered(_logger, request.OperationId, attempt, statusCode.Value, _time.GetElapsedTime(attemptStarted).TotalMilliseconds);
                    if (response.IsSuccessStatusCode)
                    {
                        errorType = null;
                        var result = await onResult(response, linked.Token).ConfigureAwait(false);
                        response = null;
                        return result;
                    }

                    // Read the error body now, under this attempt's timeout, so the connection can be reused and the
                    // final exception (or raw response) has it.
                    await response.Content.LoadIntoBufferAsync(linked.Token).ConfigureAwait(false);
                    errorType = statusCode.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    retryAfter = ClerkRetryPolicy.ParseRetryAfter(response.Headers, _time.GetUtcNow());
                    if (!ClerkRetryPolicy.IsRetryableStatus(response.StatusCode))
                    {
                        return await FinishWithErrorAsync(request, response, retryAfter, onResult, throwOnError, linked.Token).ConfigureAwait(false);
                    }

                    failure = null;
                    reason = $"status {statusCode}";
                }
                catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
                {
                    response?.Dispose();
                    errorType = "canceled";
                    throw new OperationCanceledException("The Clerk API call was canceled by the caller.", ex, cancellationToken);
                }
                catch (OperationCanceledException ex)
                {
                    // Not the caller's token: this attempt's timeout (or HttpClient.Timeout) elapsed.
                    response?.Dispose();
                    response = null;
                    failure = ex;
                    errorType = "timeout";
                    reason = "timeout";
                }
                catch (HttpRequestException ex)
                {
                    response?.Dispose();
                    response = null;
                    failure = ex;
                    errorType = ex.HttpRequestError.ToString();
                    reason = $"connection failure ({ex.HttpRequestError})";
                }

                var (delay, whyNot) = _retry.NextDelay(request, attempt, retryAfter, _time.GetElapsedTime(started));
                if (whyNot is not null)
                {
                    ClerkTransportLog.GivingUp(_logger, request.OperationId, attempt, reason, whyNot);
                    if (response is not null)
                    {
                        return await FinishWithErrorAsync(request, response, retryAfter, onResult, throwOnError, cancellationToken).ConfigureAwait(false);
                    }

                    if (failure is OperationCanceledException)
                    {
                        throw new ClerkTimeoutException(request.OperationId, _timeout, attempt, failure);
                    }

                    ExceptionDispatchInfo.Throw(failure!);
                }

                response?.Dispose();
                ClerkTransportLog.Retrying(_logger, request.OperationId, attempt, reason, delay.TotalMilliseconds);
                ClerkTelemetry.Retries.Add(
                    1,
                    new KeyValuePair<string, object?>(ClerkTelemetry.OperationIdTag, request.OperationId),
                    new KeyValuePair<string, object?>("error.type", errorType));
                activity?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection { ["clerk.attempt"] = attempt, ["clerk.reason"] = reason }));
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            errorType = "canceled";
            throw;
        }
        finally
        {
            var retries = attempt - 1;
            var elapsed = _time.GetElapsedTime(started);
            activity?.SetTag("http.response.status_code", statusCode);
            activity?.SetTag(ClerkTelemetry.RetryCountTag, retries);
            if (errorType is not null)
            {
                activity?.SetTag("error.type", errorType);
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            ClerkTelemetry.Duration.Record(
                elapsed.TotalSeconds,
                new KeyValuePair<string, object?>(ClerkTelemetry.OperationIdTag, request.OperationId),
                new KeyValuePair<string, object?>("http.request.method", request.Method.Method),
                new KeyValuePair<string, object?>("http.response.status_code", statusCode),
                new KeyValuePair<string, object?>(ClerkTelemetry.RetryCountTag, retries),
                new KeyValuePair<string, object?>("error.type", errorType));
        }
    }

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

        using (response)
        {
            var errors = await ReadErrorsAsync(response, cancellationToken).ConfigureAwait(false);
            throw response.StatusCode == HttpStatusCode.TooManyRequests
                ? new ClerkRateLimitedException(request.OperationId, errors, retryAfter)
                : new ClerkApiException(request.OperationId, response.StatusCode, errors, retryAfter);
        }
    }

    /// <summary>Parses a <c>ClerkErrors</c> body; <see langword="null"/> for an empty body or anything else (HTML from a proxy, plain text).</summary>
    private static async Task<ClerkErrors?> ReadErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            // Only a document with an "errors" array is a ClerkErrors body; any other JSON (a proxy's, a gateway's)
            // would otherwise parse into an empty, misleading one.
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array
                ? root.Deserialize(ClerkRuntimeJsonContext.Default.ClerkErrors)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
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

    private HttpRequestMessage CreateMessage(ClerkRequest request)
    {
        var message = new HttpRequestMessage(request.Method, GetRequestUri(request));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _secretKey);
        message.Headers.TryAddWithoutValidation(ApiVersionHeader, _apiVersion);
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
    public override string ToString() => $"ClerkHttpTransport {_apiBase} (API version {_apiVersion})";
}
