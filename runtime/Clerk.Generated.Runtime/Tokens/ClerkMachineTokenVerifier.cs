using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using System.Text;
using System.Text.Json;
using Clerk.Generated.Fleet;
using Clerk.Generated.Json;
using Clerk.Generated.Tokens.Jwks;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clerk.Generated.Tokens;

/// <summary>
/// Verifies machine tokens through Clerk's Backend API verify endpoints, authenticated with the secret key:
/// API keys (<c>POST /v1/api_keys/verify</c>), M2M tokens (<c>POST /v1/m2m_tokens/verify</c>) and OAuth access tokens
/// (<c>POST /v1/oauth_applications/access_tokens/verify</c>). Before any call, the token's shape is checked
/// (<see cref="MachineTokenShape"/>), remembered verdicts are reused and a local rate limit is applied
/// (<see cref="ClerkMachineTokenVerifierOptions"/>). Clerk answering 4xx means the token is invalid; a rejected
/// secret key, a 429, a 5xx, a network failure or the local rate limit means it could not be verified now
/// (<see cref="TokenRejectionReason.MachineTokenVerificationUnavailable"/>, with a retry delay when known).
/// </summary>
public sealed class ClerkMachineTokenVerifier : IMachineTokenVerifier
{
    private const int MaxResponseBytes = 256 * 1024;

    private readonly HttpClient _httpClient;
    private readonly string _secretKey;
    private readonly Uri _apiUrl;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RateLimiter _limiter;
    private readonly MemoryCache? _verdicts;
    private readonly TimeSpan _invalidVerdictDuration;
    private readonly TimeSpan _validVerdictDuration;
    private readonly ClerkSharedCache? _shared;
    private readonly string _sharedPrefix;

    /// <summary>Creates a verifier.</summary>
    /// <param name="httpClient">The client requests go through (not disposed by the verifier).</param>
    /// <param name="secretKey">The instance's secret key.</param>
    /// <param name="apiUrl">The Backend API base URL; <c>https://api.clerk.com</c> when null.</param>
    /// <param name="timeProvider">The clock expiry is checked against.</param>
    /// <param name="logger">Receives failures (never the token or the key).</param>
    /// <param name="options">Rate limit and verdict caching; defaults when null.</param>
    public ClerkMachineTokenVerifier(
        HttpClient httpClient,
        string secretKey,
        Uri? apiUrl = null,
        TimeProvider? timeProvider = null,
        ILogger<ClerkMachineTokenVerifier>? logger = null,
        ClerkMachineTokenVerifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        _httpClient = httpClient;
        _secretKey = secretKey;
        ClerkUrlPolicy.ThrowIfNotAllowed(apiUrl ?? JwksCacheOptions.DefaultApiUrl, nameof(apiUrl));
        var baseUrl = (apiUrl ?? JwksCacheOptions.DefaultApiUrl).AbsoluteUri;
        _apiUrl = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        options ??= new ClerkMachineTokenVerifierOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.InvalidVerdictCacheDuration, TimeSpan.Zero, "InvalidVerdictCacheDuration");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ValidVerdictCacheDuration, TimeSpan.Zero, "ValidVerdictCacheDuration");
        _limiter = options.RateLimiter ?? ClerkMachineTokenVerifierOptions.CreateDefaultLimiter();
        _invalidVerdictDuration = options.InvalidVerdictCacheDuration;
        _validVerdictDuration = options.ValidVerdictCacheDuration;
        _verdicts = options.VerdictCacheSize > 0 && (_invalidVerdictDuration > TimeSpan.Zero || _validVerdictDuration > TimeSpan.Zero)
            ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.VerdictCacheSize, Clock = new TimeProviderClock(_time) })
            : null;
        _shared = _verdicts is not null && _validVerdictDuration > TimeSpan.Zero ? options.SharedCache : null;

        // Shared verdicts are scoped to the secret key (hashed) and API: a token of one Clerk instance means nothing to another.
        var scope = SHA256.HashData(Encoding.UTF8.GetBytes(_apiUrl.AbsoluteUri + "\n" + secretKey));
        _sharedPrefix = "clerk:machine-verdict:" + Convert.ToHexStringLower(scope.AsSpan(0, 8)) + ":";
    }

    /// <inheritdoc />
    public async ValueTask<ClerkTokenValidationResult> VerifyAsync(string token, ClerkTokenTypes tokenType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var (path, member) = tokenType switch
        {
            ClerkTokenTypes.ApiKey => ("v1/api_keys/verify", "secret"),
            ClerkTokenTypes.M2MToken => ("v1/m2m_tokens/verify", "token"),
            ClerkTokenTypes.OAuthToken => ("v1/oauth_applications/access_tokens/verify", "access_token"),
            _ => throw new ArgumentOutOfRangeException(nameof(tokenType), tokenType, "Only one machine token type can be verified at a time."),
        };

        if (!MachineTokenShape.IsWellShaped(token, tokenType))
        {
            return NotShapedLike(tokenType);
        }

        // Verdicts are keyed by a hash, so the cache never holds a usable credential.
        var key = _verdicts is null ? null : Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        if (key is not null && _verdicts!.TryGetValue(key, out ClerkTokenValidationResult? remembered))
        {
            return remembered!;
        }

        var result = _shared is not null && key is not null
            ? await VerifySharedAsync(key, token, tokenType, path, member, cancellationToken).ConfigureAwait(false)
            : (await CallLimitedAsync(token, tokenType, path, member, cancellationToken).ConfigureAwait(false)).Result;
        Remember(key, result);
        return result;
    }

    /// <summary>
    /// Asks the fleet's shared cache first; on a miss one instance calls Clerk and shares a verdict that is final
    /// (valid with Clerk's answer, or invalid). "Unavailable" is never shared: it says nothing about the token.
    /// </summary>
    private async ValueTask<ClerkTokenValidationResult> VerifySharedAsync(
        string key, string token, ClerkTokenTypes tokenType, string path, string member, CancellationToken cancellationToken)
    {
        ClerkTokenValidationResult? fetched = null;
        var shared = await _shared!.GetOrFetchAsync(
            _sharedPrefix + (int)tokenType + ":" + key,
            _validVerdictDuration,
            async ct =>
            {
                var (result, body) = await CallLimitedAsync(token, tokenType, path, member, ct).ConfigureAwait(false);
                fetched = result;
                return SharedVerdict.Encode(result, body);
            },
            cancellationToken).ConfigureAwait(false);
        if (shared is not null)
        {
            return SharedVerdict.Decode(shared, tokenType, Interpret, Invalid);
        }

        // Null: this call's own fetch was not shareable, or it joined another caller's fetch that was not.
        return fetched ?? (await CallLimitedAsync(token, tokenType, path, member, cancellationToken).ConfigureAwait(false)).Result;
    }

    private async ValueTask<(ClerkTokenValidationResult Result, byte[]? Body)> CallLimitedAsync(
        string token, ClerkTokenTypes tokenType, string path, string member, CancellationToken cancellationToken)
    {
        using var lease = AcquireCallPermit();
        if (!lease.IsAcquired)
        {
            MachineTokenLog.RateLimited(_logger, tokenType);
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
            return (Unavailable(tokenType, "Too many machine tokens are being verified; try again shortly.", wait), null);
        }

        return await CallClerkAsync(token, tokenType, path, member, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The shape check's verdict, for callers that check before calling (as <see cref="ClerkTokenValidator"/> does).</summary>
    internal static ClerkTokenValidationResult NotShapedLike(ClerkTokenTypes tokenType) =>
        ClerkTokenValidationResult.Rejected(tokenType, TokenRejectionReason.Malformed, $"The token does not have the shape of a Clerk {tokenType}.");

    private RateLimitLease AcquireCallPermit()
    {
        if (_limiter is ReplenishingRateLimiter { IsAutoReplenishing: false } replenishing)
        {
            replenishing.TryReplenish();
        }

        return _limiter.AttemptAcquire();
    }

    private void Remember(string? key, ClerkTokenValidationResult result)
    {
        if (key is null)
        {
            return;
        }

        var duration = result.Reason switch
        {
            TokenRejectionReason.None => _validVerdictDuration,
            TokenRejectionReason.MachineTokenInvalid => _invalidVerdictDuration,
            _ => TimeSpan.Zero,
        };
        var until = _time.GetUtcNow() + duration;
        if (result.MachineToken?.ExpiresAt is { } expiresAt && expiresAt < until)
        {
            until = expiresAt;
        }

        if (until > _time.GetUtcNow())
        {
            _verdicts!.Set(key, result, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = until });
        }
    }

    private async ValueTask<(ClerkTokenValidationResult Result, byte[]? Body)> CallClerkAsync(
        string token, ClerkTokenTypes tokenType, string path, string member, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_apiUrl, path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _secretKey);
            request.Content = new ByteArrayContent(WriteBody(member, token));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                MachineTokenLog.SecretKeyRejected(_logger, tokenType, status);
                return (Unavailable(tokenType, "Clerk rejected the secret key used to verify machine tokens.", null), null);
            }

            // Clerk's own rate limit (429) and server errors say nothing about the token: it may be perfectly good.
            if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500)
            {
                MachineTokenLog.VerificationFailed(_logger, tokenType, $"HTTP {status}");
                return (Unavailable(tokenType, "Clerk could not verify the machine token now.", RetryAfter(response)), null);
            }

            if (status is >= 400 and < 500)
            {
                return (Invalid(tokenType, "Clerk does not recognise the machine token."), null);
            }

            if (!response.IsSuccessStatusCode)
            {
                MachineTokenLog.VerificationFailed(_logger, tokenType, $"HTTP {status}");
                return (Unavailable(tokenType, "Clerk could not verify the machine token.", null), null);
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return body.Length > MaxResponseBytes
                ? (Unavailable(tokenType, "Clerk's answer was too large.", null), null)
                : (Interpret(tokenType, body), body);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            MachineTokenLog.VerificationFailed(_logger, tokenType, ex.GetType().Name);
            return (Unavailable(tokenType, "Clerk could not be reached to verify the machine token.", null), null);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - _time.GetUtcNow() : null);
        return delay is { } d && d > TimeSpan.Zero ? (d > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : d) : null;
    }

    private ClerkTokenValidationResult Interpret(ClerkTokenTypes tokenType, byte[] body)
    {
        try
        {
            if (!JsonStringEscapes.HasOnlyWellFormedStrings(new Utf8JsonReader(body)))
            {
                return Unavailable(tokenType, "Clerk's answer held a malformed string.");
            }

            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Unavailable(tokenType, "Clerk's answer was not a JSON object.");
            }

            if (GetBoolean(root, "revoked"))
            {
                return Invalid(tokenType, "The machine token was revoked.");
            }

            DateTimeOffset? expiresAt = root.TryGetProperty("expiration", out var expiration) && expiration.ValueKind == JsonValueKind.Number && expiration.TryGetInt64(out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(ms, 0, 253402300799999))
                : null;
            if (GetBoolean(root, "expired") || expiresAt <= _time.GetUtcNow())
            {
                return Invalid(tokenType, "The machine token has expired.");
            }

            var id = GetString(root, "id");
            var subject = GetString(root, "subject");
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(subject))
            {
                return Unavailable(tokenType, "Clerk's answer lacked the token id or subject.");
            }

            var scopes = new List<string>();
            if (root.TryGetProperty("scopes", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                scopes.AddRange(list.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!));
            }

            JsonElement? claims = root.TryGetProperty("claims", out var c) && c.ValueKind == JsonValueKind.Object ? c.Clone() : null;
            return ClerkTokenValidationResult.Success(new ClerkMachineToken(
                tokenType, id, subject, GetString(root, "name"), scopes, claims, expiresAt, GetString(root, "client_id")));
        }
        catch (JsonException)
        {
            return Unavailable(tokenType, "Clerk's answer was not JSON.");
        }
    }

    private static byte[] WriteBody(string member, string token)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(member, token);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string? GetString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool GetBoolean(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static ClerkTokenValidationResult Invalid(ClerkTokenTypes type, string message) =>
        ClerkTokenValidationResult.Rejected(type, TokenRejectionReason.MachineTokenInvalid, message);

    private static ClerkTokenValidationResult Unavailable(ClerkTokenTypes type, string message, TimeSpan? retryAfter = null) =>
        ClerkTokenValidationResult.Rejected(type, TokenRejectionReason.MachineTokenVerificationUnavailable, message, retryAfter);
}
