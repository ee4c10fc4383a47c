using System.Text.Json;

namespace Clerk.Generated.AspNetCore.Tests;

/// <summary>Reads the fields of a problem-details answer the tests check.</summary>
internal sealed record ProblemBody(int Status, string? Title, string? Reason, string? Detail, string[] Errors)
{
    public static async Task<ProblemBody> ReadAsync(HttpResponseMessage response)
    {
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        return new ProblemBody(
            root.GetProperty("status").GetInt32(),
            root.TryGetProperty("title", out var title) ? title.GetString() : null,
            root.TryGetProperty("reason", out var reason) ? reason.GetString() : null,
            root.TryGetProperty("detail", out var detail) ? detail.GetString() : null,
            root.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().Select(e => e.GetString()!).ToArray() : []);
    }
}
