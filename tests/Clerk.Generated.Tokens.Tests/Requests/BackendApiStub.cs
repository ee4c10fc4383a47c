using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Clerk.Generated.Tokens.Tests.Requests;

/// <summary>
/// A stand-in for Clerk's Backend API on loopback, answering <c>GET /v1/clients/handshake_payload?nonce=…</c> from a
/// fixed table (404 for unknown nonces), for both @clerk/backend and our authenticator in the same run.
/// </summary>
internal sealed class BackendApiStub : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, string[]> _payloads;
    private readonly Task _loop;
    private int _requests;

    public BackendApiStub(IReadOnlyDictionary<string, string[]> payloadsByNonce)
    {
        _payloads = payloadsByNonce;
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public int Requests => Volatile.Read(ref _requests);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            var nonce = context.Request.QueryString["nonce"];
            var known = context.Request.Url!.AbsolutePath == "/v1/clients/handshake_payload" && nonce is not null && _payloads.ContainsKey(nonce);
            var body = known
                ? System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string[]> { ["directives"] = _payloads[nonce!] })
                : """{"errors":[{"message":"not found","code":"resource_not_found"}]}""";
            context.Response.StatusCode = known ? 200 : 404;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
