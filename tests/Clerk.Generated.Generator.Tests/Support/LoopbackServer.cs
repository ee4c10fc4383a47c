using System.Net;
using System.Net.Sockets;

namespace Clerk.Generated.Generator.Tests.Support;

/// <summary>A request as an <see cref="HttpListener"/> on 127.0.0.1 received it.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, string? ContentType, System.Collections.Specialized.NameValueCollection Headers, string Body);

/// <summary>Serves exactly one request on a free loopback port with a canned answer, recording what was sent.</summary>
internal static class LoopbackServer
{
    /// <summary>
    /// Starts a listener, runs <paramref name="call"/> with its base URL (<c>http://127.0.0.1:port</c>), answers the one
    /// request it makes with <paramref name="json"/> (no body when empty) and <paramref name="status"/>.
    /// </summary>
    public static async Task<(string Result, RecordedRequest Request)> CallAsync(Func<string, Task<string>> call, string json, HttpStatusCode status)
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var served = ServeOnceAsync(listener, json, status);
        var result = await call($"http://127.0.0.1:{port}").WaitAsync(TimeSpan.FromSeconds(30));
        return (result, await served.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    /// <summary>
    /// Starts a listener, runs <paramref name="call"/> with its base URL and expects it to fail; returns the failure and
    /// whether any request reached the listener (waiting a moment after the failure for one in flight).
    /// </summary>
    public static async Task<(Exception? Error, bool RequestArrived)> CallExpectingNoRequestAsync(Func<string, Task> call)
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var arrival = listener.GetContextAsync();
        Exception? error = null;
        try
        {
            await call($"http://127.0.0.1:{port}").WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception caught)
        {
            error = caught;
        }

        var arrived = await Task.WhenAny(arrival, Task.Delay(TimeSpan.FromMilliseconds(300))) == arrival;
        // Stopping fails the pending wait: observe that failure.
        _ = arrival.ContinueWith(static pending => pending.Exception, TaskContinuationOptions.OnlyOnFaulted);
        listener.Stop();
        return (error, arrived);
    }

    private static async Task<RecordedRequest> ServeOnceAsync(HttpListener listener, string json, HttpStatusCode status)
    {
        var context = await listener.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        var recorded = new RecordedRequest(context.Request.HttpMethod, context.Request.RawUrl!, context.Request.ContentType, context.Request.Headers, body);
        context.Response.StatusCode = (int)status;
        if (json.Length > 0)
        {
            context.Response.ContentType = "application/json";
            var bytes = System.Text.Encoding.UTF8.GetBytes(json);
            await context.Response.OutputStream.WriteAsync(bytes);
        }

        context.Response.Close();
        return recorded;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
