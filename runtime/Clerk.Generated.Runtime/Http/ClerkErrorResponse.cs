using System.Net;
using System.Text.Json;

namespace Clerk.Generated.Http;

/// <summary>Maps an error response to the exception the transport throws for it.</summary>
internal static class ClerkErrorResponse
{
    /// <summary>
    /// A <see cref="ClerkRateLimitedException"/> for 429, else a <see cref="ClerkApiException"/>, with the parsed
    /// <c>ClerkErrors</c> body when there is one. Disposes <paramref name="response"/>.
    /// </summary>
    public static async Task<ClerkApiException> ToExceptionAsync(
        ClerkRequest request, HttpResponseMessage response, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        using (response)
        {
            var errors = await ReadErrorsAsync(response, cancellationToken).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.TooManyRequests
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
}
