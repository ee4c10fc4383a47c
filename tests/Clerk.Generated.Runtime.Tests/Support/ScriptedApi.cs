using System.Collections.Concurrent;
using System.Net;
using System.Text;
using RichardSzalay.MockHttp;

namespace Clerk.Generated.Runtime.Tests.Support;

/// <summary>
/// Records every request (with its body bytes) and answers from a script: responses through MockHttp, connection
/// failures thrown by an outer handler (MockHttp does not surface exceptions thrown from its responders).
/// </summary>
public sealed class ScriptedApi
{
    private readonly ConcurrentQueue<ScriptEntry> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly MockHttpMessageHandler _mock = new();

    public ScriptedApi()
    {
        _mock.Fallback.Respond(_ => Task.FromResult(_script.TryDequeue(out var next) && next.Respond is not null
            ? next.Respond()
            : new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("script exhausted") }));
        Handler = new RecordingHandler(this) { InnerHandler = _mock };
    }

    public HttpMessageHandler Handler { get; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public ScriptedApi Then(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? adjust = null)
    {
        _script.Enqueue(new ScriptEntry(() =>
        {
            var response = new HttpResponseMessage(status);
            if (json is not null)
            {
                response.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            adjust?.Invoke(response);
            return response;
        }, null));
        return this;
    }

    public ScriptedApi ThenText(HttpStatusCode status, string text, string mediaType)
    {
        _script.Enqueue(new ScriptEntry(() => new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, mediaType) }, null));
        return this;
    }

    public ScriptedApi ThenThrow(Exception exception)
    {
        _script.Enqueue(new ScriptEntry(null, exception));
        return this;
    }

    private sealed record ScriptEntry(Func<HttpResponseMessage>? Respond, Exception? Failure);

    private sealed class RecordingHandler(ScriptedApi owner) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            owner._requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri!, request.Headers, request.Content?.Headers, body));
            if (owner._script.TryPeek(out var next) && next.Failure is not null)
            {
                owner._script.TryDequeue(out _);
                throw next.Failure;
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}

public sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    System.Net.Http.Headers.HttpRequestHeaders Headers,
    System.Net.Http.Headers.HttpContentHeaders? ContentHeaders,
    byte[]? Body)
{
    public string? BodyText => Body is null ? null : Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
