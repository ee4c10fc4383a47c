using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Clerk.Generated.Tokens.Tests;

/// <summary>
/// Stands in for Clerk's JWKS endpoint: counts requests, records what was asked, and answers whatever the test
/// scripted at that moment (a JWKS body, an HTTP error, an exception, optionally after a delay).
/// </summary>
internal sealed class ScriptedJwksHandler : HttpMessageHandler
{
    private int _requestCount;

    public ScriptedJwksHandler(string jwksJson) => Body = jwksJson;

    public int RequestCount => Volatile.Read(ref _requestCount);

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    /// <summary>The JWKS served while <see cref="Failure"/> is null.</summary>
    public volatile string Body;

    /// <summary>When set, requests fail: an <see cref="HttpStatusCode"/> gives that status, an exception is thrown as is, anything else is a connection failure.</summary>
    public volatile object? Failure;

    /// <summary>Each response waits this long first (real time).</summary>
    public TimeSpan Delay { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requestCount);
        Requests.Enqueue(request);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        switch (Failure)
        {
            case HttpStatusCode status:
                return new HttpResponseMessage(status) { Content = new StringContent("""{"errors":[{"code":"internal"}]}""", Encoding.UTF8, "application/json") };
            case Exception exception:
                throw exception;
            case not null:
                throw new HttpRequestException("connection refused (scripted)");
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
    }
}
