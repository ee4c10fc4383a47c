using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.Authentication;

/// <summary>
/// Writes RFC 9457 problem details with a plain <see cref="Utf8JsonWriter"/>: no serializer metadata needed, so it
/// stays AOT-clean and works whether or not the application registered <c>AddProblemDetails</c>.
/// </summary>
internal static class ClerkProblemDetails
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, string? reason = null, IReadOnlyList<string>? errors = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/problem+json";
        using (var json = new Utf8JsonWriter(response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteString("type", TypeFor(status));
            json.WriteString("title", title);
            json.WriteNumber("status", status);
            json.WriteString("detail", detail);
            if (reason is not null)
            {
                json.WriteString("reason", reason);
            }

            if (errors is { Count: > 0 })
            {
                json.WriteStartArray("errors");
                foreach (var error in errors)
                {
                    json.WriteStringValue(error);
                }

                json.WriteEndArray();
            }

            if (context.TraceIdentifier is { Length: > 0 } traceId)
            {
                json.WriteString("traceId", traceId);
            }

            json.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static string TypeFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        StatusCodes.Status403Forbidden => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        StatusCodes.Status503ServiceUnavailable => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        StatusCodes.Status502BadGateway => "https://tools.ietf.org/html/rfc9110#section-15.6.3",
        _ => "about:blank",
    };
}
