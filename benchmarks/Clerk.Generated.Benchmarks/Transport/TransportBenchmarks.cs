using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Clerk.Generated.Http;

namespace Clerk.Generated.Benchmarks.Transport;

/// <summary>
/// The transport's own cost per call: building the request (path, query, headers, JSON body), the retry/timeout
/// scaffolding, telemetry and reading the JSON response, against the floor of a hand-written HttpClient call doing
/// the same exchange through the same in-memory handler (no network, so only client-side work is measured).
/// </summary>
[MemoryDiagnoser]
public class TransportBenchmarks
{
    private static readonly byte[] ResponseBody = Encoding.UTF8.GetBytes(
        """{"id":"user_2x9YkQ1c","first_name":"Ada","last_name":"Lovelace","email":"ada@example.com","created_at":1715500800000}""");

    private HttpClient _httpClient = null!;
    private ClerkHttpTransport _transport = null!;

    [GlobalSetup]
    public void Setup()
    {
        _httpClient = new HttpClient(new CannedHandler());
        _transport = new ClerkHttpTransport(
            _httpClient,
            new ClerkClientOptions { SecretKey = "sk_test_benchmark0123456789", ApiUrl = "https://api.clerk.test" },
            "2026-05-12");
    }

    [GlobalCleanup]
    public void Cleanup() => _httpClient.Dispose();

    [Benchmark(Baseline = true, Description = "HttpClient by hand")]
    public async Task<BenchUser> ByHand()
    {
        var query = "?limit=10&offset=0&email_address=" + Uri.EscapeDataString("ada+1@example.com");
        using var request = new HttpRequestMessage(HttpMethod.Patch, "https://api.clerk.test/v1/users/" + Uri.EscapeDataString("user_2x9YkQ1c") + query);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_benchmark0123456789");
        request.Headers.TryAddWithoutValidation("Clerk-API-Version", "2026-05-12");
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new BenchPatch("Ada", null), BenchJsonContext.Default.BenchPatch));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        return (await JsonSerializer.DeserializeAsync(stream, BenchJsonContext.Default.BenchUser))!;
    }

    [Benchmark(Description = "ClerkHttpTransport")]
    public Task<BenchUser> Transport()
    {
        var request = new ClerkRequest(HttpMethod.Patch, "UpdateUser", "/users/{user_id}", "/users/" + ClerkPath.Escape("user_2x9YkQ1c"));
        request.Query.AddInt64("limit", 10L);
        request.Query.AddInt64("offset", 0L);
        request.Query.Add("email_address", "ada+1@example.com");
        request.SetJsonBody(new BenchPatch("Ada", null), BenchJsonContext.Default.BenchPatch);
        return _transport.SendAsync(request, BenchJsonContext.Default.BenchUser, CancellationToken.None);
    }

    private sealed class CannedHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(ResponseBody);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}

public sealed record BenchUser(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("last_name")] string? LastName,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("created_at")] long CreatedAt);

public sealed record BenchPatch(
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("last_name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LastName);

[JsonSerializable(typeof(BenchUser))]
[JsonSerializable(typeof(BenchPatch))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
