using System.Net;
using System.Text;
using Clerk.Generated.Tests.Shared;

namespace Clerk.Generated.Tokens.Tests.Requests;

/// <summary>
/// A stand-in for Clerk's Backend API on loopback, answering <c>GET /v1/clients/handshake_payload?nonce=…</c> from a
/// fixed table (404 for unknown nonces and every other path), for both @clerk/backend and our authenticator in the
/// same run.
/// </summary>
internal sealed class BackendApiStub : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string[]> _payloads;
    private readonly LoopbackHttpServer _server;

    public BackendApiStub(IReadOnlyDictionary<string, string[]> payloadsByNonce)
    {
        _payloads = payloadsByNonce;
        _server = new LoopbackHttpServer(AnswerAsync);
    }

    public Uri Url => _server.Url;

    public int Requests => _server.Requests;

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var nonce = context.Request.QueryString["nonce"];
        var known = context.Request.Url!.AbsolutePath == "/v1/clients/handshake_payload" && nonce is not null && _payloads.ContainsKey(nonce);
        var body = known
            ? System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string[]> { ["directives"] = _payloads[nonce!] })
            : """{"errors":[{"message":"not found","code":"resource_not_found"}]}""";
        context.Response.StatusCode = known ? 200 : 404;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
