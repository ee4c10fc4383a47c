using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clerk.Generated.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clerk.Generated.Tokens;

/// <summary>
/// Verifies machine tokens through Clerk's Backend API verify endpoints, authenticated with the secret key:
/// API keys (<c>POST /v1/api_keys/verify</c>), M2M tokens (<c>POST /v1/m2m_tokens/verify</c>) and OAuth access tokens
/// (<c>POST /v1/oauth_applications/access_tokens/verify</c>). Clerk answering 4xx means the token is invalid;
/// a rejected secret key, a 5xx or a network failure means it could not be verified.
/// </summary>
public sealed class ClerkMachineTokenVerifier : IMachineTokenVerifier
{
    private const int MaxResponseBytes = 256 * 1024;

    private readonly HttpClient _httpClient;
    private readonly string _secretKey;
    private readonly Uri _apiUrl;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a verifier.</summary>
    /// <param name="httpClient">The client requests go through (not disposed by the verifier).</param>
    /// <param name="secretKey">The instance's secret key.</param>
    /// <param name="apiUrl">The Backend API base URL; <c>https://api.clerk.com</c> when null.</param>
    /// <param name="timeProvider">The clock expiry is checked against.</param>
    /// <param name="logger">Receives failures (never the token or the key).</param>
    public ClerkMachineTokenVerifier(HttpClient httpClient, string secretKey, Uri? apiUrl = null, TimeProvider? timeProvider = null, ILogger<ClerkMachineTokenVerifier>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        _httpClient = httpClient;
        _secretKey = secretKey;
        var baseUrl = (apiUrl ?? JwksCacheOptions.DefaultApiUrl).AbsoluteUri;
        _apiUrl = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
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
                return Unavailable(tokenType, "Clerk rejected the secret key used to verify machine tokens.");
            }

            if (status is >= 400 and < 500)
            {
                return Invalid(tokenType, "Clerk does not recognise the machine token.");
            }

            if (!response.IsSuccessStatusCode)
            {
                MachineTokenLog.VerificationFailed(_logger, tokenType, $"HTTP {status}");
                return Unavailable(tokenType, "Clerk could not verify the machine token.");
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return body.Length > MaxResponseBytes
                ? Unavailable(tokenType, "Clerk's answer was too large.")
                : Interpret(tokenType, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            MachineTokenLog.VerificationFailed(_logger, tokenType, ex.GetType().Name);
            return Unavailable(tokenType, "Clerk could not be reached to verify the machine token.");
        }
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

    private static ClerkTokenValidationResult Unavailable(ClerkTokenTypes type, string message) =>
        ClerkTokenValidationResult.Rejected(type, TokenRejectionReason.MachineTokenVerificationUnavailable, message);
}
