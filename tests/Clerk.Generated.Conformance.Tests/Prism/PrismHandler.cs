using System.Collections.Concurrent;

namespace Clerk.Generated.Conformance.Tests.Prism;

/// <summary>What Prism said about one exchange.</summary>
public sealed record PrismExchange(string Method, string Path, int Status, IReadOnlyList<PrismViolation> Violations, string? RequestJson, TimeSpan Elapsed)
{
    public IEnumerable<PrismViolation> RequestViolations => Violations.Where(v => v.IsRequest);

    public IEnumerable<PrismViolation> ResponseViolations => Violations.Where(v => !v.IsRequest);
}

/// <summary>
/// Sits between the transport and Prism. The transport sends <c>{ApiUrl}/v1{path}</c> as the real API expects; Prism
/// routes the spec's paths without the server URL's <c>/v1</c>, so this handler checks the prefix is there and strips
/// it. It records every exchange with the violations Prism reports in its <c>sl-violations</c> header.
/// </summary>
public sealed class PrismHandler(Uri prism) : DelegatingHandler(new SocketsHttpHandler())
{
    private const string ApiPrefix = "/v1/";

    public ConcurrentQueue<PrismExchange> Exchanges { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("no request URI");
        var pathAndQuery = uri.PathAndQuery;
        if (!pathAndQuery.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The transport sent {pathAndQuery}, which lacks the API's /v1 base path.");
        }

        var stripped = pathAndQuery[(ApiPrefix.Length - 1)..];
        request.RequestUri = new Uri(
            prism.GetLeftPart(UriPartial.Authority) + stripped,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var requestJson = request.Content?.Headers.ContentType?.MediaType == "application/json"
            ? await request.Content.ReadAsStringAsync(cancellationToken)
            : null;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var violations = response.Headers.TryGetValues("sl-violations", out var values)
            ? values.SelectMany(PrismViolation.Parse).ToArray()
            : [];
        Exchanges.Enqueue(new PrismExchange(request.Method.Method, stripped, (int)response.StatusCode, violations, requestJson, elapsed));
        return response;
    }
}
