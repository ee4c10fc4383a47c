using System.Globalization;
using System.Net;
using System.Text;
using Clerk.Generated.Http;
using Clerk.Generated.Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Runtime.Tests.Http;

public sealed class RetryTests
{
    private const string UserJson = """{"id":"user_1","first_name":"Ada"}""";
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    private FakeTimeProvider _time = null!;
    private RecordingLoggerFactory _logs = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 12, 8, 0, 0, TimeSpan.Zero));
        _logs = new RecordingLoggerFactory();
    }

    [TearDown]
    public void TearDown() => _logs.Dispose();

    private ClerkHttpTransport Create(ScriptedApi api, Action<ClerkClientOptions>? configure = null) =>
        Transports.Create(api.Handler, _time, o =>
        {
            o.LoggerFactory = _logs;
            configure?.Invoke(o);
        });

    private int RetryEvents => _logs.Entries.Count(e => e.Message.Contains("retrying in", StringComparison.Ordinal));

    /// <summary>Waits (in real time) until the transport has logged its n-th retry and so is waiting on the fake clock.</summary>
    private async Task WaitForRetry(int n)
    {
        await Transports.WaitUntil(() => RetryEvents >= n, $"retry {n} is scheduled");
        // The log line comes right before the wait is registered on the clock; give that a moment on a busy machine.
        await Task.Delay(200);
    }

    [Test]
    public async Task Retries_5xx_on_GET_until_success()
    {
        var api = new ScriptedApi().Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.OK, UserJson);
        var transport = Create(api);

        var user = await Transports.RunAsync(transport.SendAsync(Transports.Get(), TestJsonContext.Default.TestUser, CancellationToken.None), _time, Step);

        Assert.That(user.Id, Is.EqualTo("user_1"));
        Assert.That(api.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Retry_After_in_seconds_is_honoured()
    {
        var api = new ScriptedApi()
            .Then(HttpStatusCode.TooManyRequests, null, r => r.Headers.TryAddWithoutValidation("Retry-After", "7"))
            .Then(HttpStatusCode.OK, UserJson);
        var transport = Create(api);

        var call = transport.SendAsync(Transports.Get(), TestJsonContext.Default.TestUser, CancellationToken.None);
        await WaitForRetry(1);
        _time.Advance(TimeSpan.FromSeconds(6.9));
        await Task.Delay(50);
        Assert.That(api.Requests, Has.Count.EqualTo(1), "no retry before Retry-After has passed");

        var user = await Transports.RunAsync(call, _time, TimeSpan.FromSeconds(0.1));

        Assert.That(user.Id, Is.EqualTo("user_1"));
        Assert.That(api.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Retry_After_as_an_HTTP_date_is_honoured()
    {
        var retryAt = _time.GetUtcNow().AddSeconds(20).ToString("R", CultureInfo.InvariantCulture);
        var api = new ScriptedApi()
            .Then(HttpStatusCode.ServiceUnavailable, null, r => r.Headers.TryAddWithoutValidation("Retry-After", retryAt))
            .Then(HttpStatusCode.OK, UserJson);
        var transport = Create(api);

        var call = transport.SendAsync(Transports.Get(), TestJsonContext.Default.TestUser, CancellationToken.None);
        await WaitForRetry(1);
        _time.Advance(TimeSpan.FromSeconds(19.5));
        await Task.Delay(50);
        Assert.That(api.Requests, Has.Count.EqualTo(1), "no retry before the Retry-After date");

        await Transports.RunAsync(call, _time, TimeSpan.FromSeconds(0.1));
        Assert.That(api.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Backoff_grows_exponentially_within_its_jitter_bounds()
    {
        var api = new ScriptedApi().Then(HttpStatusCode.InternalServerError).Then(HttpStatusCode.InternalServerError).Then(HttpStatusCode.OK, UserJson);
        var transport = Create(api, o => o.Retry.BaseDelay = TimeSpan.FromSeconds(1));

        var call = transport.SendAsync(Transports.Get(), TestJsonContext.Default.TestUser, CancellationToken.None);

        // First wait is in [0.5 s, 1 s].
        await WaitForRetry(1);
        _time.Advance(TimeSpan.FromSeconds(0.45));
        await Task.Delay(50);
        Assert.That(api.Requests, Has.Count.EqualTo(1));
        _time.Advance(TimeSpan.FromSeconds(0.6));
        await Transports.WaitUntil(() => api.Requests.Count == 2, "the first retry is sent");

        // Second wait is in [1 s, 2 s].
        await WaitForRetry(2);
        _time.Advance(TimeSpan.FromSeconds(0.95));
        await Task.Delay(50);
        Assert.That(api.Requests, Has.Count.EqualTo(2));
        _time.Advance(TimeSpan.FromSeconds(1.1));
        await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(api.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Gives_up_after_max_attempts_with_the_last_status()
    {
        var api = new ScriptedApi()
            .Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.ServiceUnavailable)
            .Then(HttpStatusCode.ServiceUnavailable, """{"errors":[{"message":"down","long_message":"down","code":"unavailable"}],"clerk_trace_id":"t3"}""");
        var transport = Create(api);

        var call = transport.SendAsync(Transports.Get(), TestJsonContext.Default.TestUser, CancellationToken.None);
        await Transports.AdvanceUntilDone(call, _time, Step);
        var error = Assert.ThrowsAsync<ClerkApiException>(() => call);

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(error.TraceId, Is.EqualTo("t3"));
            Assert.That(api.Requests, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task Rate_limited_to_the_end_gives_ClerkRateLimitedException_with_retry_after()
    {
        var api = new ScriptedApi();
        for (var i = 0; i < 2; i++)
        {
            api.Then(HttpStatusCode.TooManyRequests, null, r => r.Headers.TryAddWithoutValidation("Retry-After", "1"));
        }

        var transport = Create(api, o => o.Retry.MaxAttempts = 2);
        var call = transport.SendAsync(Transports.Get(), CancellationToken.None);
        await Transports.AdvanceUntilDone(call, _time, Step);
        var error = Assert.ThrowsAsync<ClerkRateLimitedException>(() => call);

        Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(api.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_Retry_After_past_the_time_budget_is_not_waited_for()
    {
        var api = new ScriptedApi().Then(HttpStatusCode.TooManyRequests, null, r => r.Headers.TryAddWithoutValidation("Retry-After", "120"));
        var transport = Create(api, o => o.Retry.MaxElapsedTime = TimeSpan.FromSeconds(60));

        var error = Assert.ThrowsAsync<ClerkRateLimitedException>(() => transport.SendAsync(Transports.Get(), CancellationToken.None));

        Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
        Assert.That(api.Requests, Has.Count.EqualTo(1));
        Assert.That(_logs.Entries.Any(e => e.Message.Contains("budget", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void POST_is_not_retried_by_default()
    {
        var api = new ScriptedApi().Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.OK, UserJson);
        var transport = Create(api);

        var error = Assert.ThrowsAsync<ClerkApiException>(() => transport.SendAsync(Transports.Post(), TestJsonContext.Default.TestUser, CancellationToken.None));

        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(api.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task POST_is_retried_when_opted_in_by_options_and_resends_the_same_body()
    {
        var api = new ScriptedApi().Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.OK, UserJson);
        var transport = Create(api, o => o.Retry.RetryNonIdempotentRequests = true);
        var request = Transports.Post();
        request.SetJsonBody(new TestUser("ignored", "Ada"), TestJsonContext.Default.TestUser);

        await Transports.RunAsync(transport.SendAsync(request, TestJsonContext.Default.TestUser, CancellationToken.None), _time, Step);

        Assert.That(api.Requests, Has.Count.EqualTo(2));
        Assert.That(api.Requests[1].BodyText, Is.EqualTo(api.Requests[0].BodyText).And.EqualTo("""{"id":"ignored","first_name":"Ada"}"""));
    }

    [Test]
    public async Task A_request_can_opt_in_or_out_of_retries()
    {
        var api = new ScriptedApi()
            .Then(HttpStatusCode.InternalServerError).Then(HttpStatusCode.OK, UserJson)
            .Then(HttpStatusCode.InternalServerError).Then(HttpStatusCode.OK, UserJson);
        var transport = Create(api);
        var post = Transports.Post();
        post.AllowRetry = true;
        var get = Transports.Get();
        get.AllowRetry = false;

        await Transports.RunAsync(transport.SendAsync(post, TestJsonContext.Default.TestUser, CancellationToken.None), _time, Step);
        Assert.That(api.Requests, Has.Count.EqualTo(2));

        Assert.ThrowsAsync<ClerkApiException>(() => transport.SendAsync(get, TestJsonContext.Default.TestUser, CancellationToken.None));
        Assert.That(api.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Connection_failures_are_retried_then_surface_as_HttpRequestException()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");
        var api = new ScriptedApi().ThenThrow(refused).ThenThrow(refused).Then(HttpStatusCode.OK, UserJson)
            .ThenThrow(refused).ThenThrow(refused).ThenThrow(refused);
        var transport = Create(api);

        var user = await Transports.RunAsync(transport.SendAsync(Transports.Get(), TestJsonContext.Default.TestUser, CancellationToken.None), _time, Step);
        Assert.That(user.Id, Is.EqualTo("user_1"));
        Assert.That(api.Requests, Has.Count.EqualTo(3));

        var failing = transport.SendAsync(Transports.Get(), TestJsonContext.Default.TestUser, CancellationToken.None);
        await Transports.AdvanceUntilDone(failing, _time, Step);
        var error = Assert.ThrowsAsync<HttpRequestException>(() => failing);
        Assert.That(error!.HttpRequestError, Is.EqualTo(HttpRequestError.ConnectionError));
        Assert.That(api.Requests, Has.Count.EqualTo(6));
    }

    [Test]
    public void Client_errors_other_than_429_are_never_retried()
    {
        var api = new ScriptedApi().Then(HttpStatusCode.BadRequest).Then(HttpStatusCode.OK, UserJson);
        var transport = Create(api);

        Assert.ThrowsAsync<ClerkApiException>(() => transport.SendAsync(Transports.Get(), TestJsonContext.Default.TestUser, CancellationToken.None));
        Assert.That(api.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Multipart_uploads_from_a_non_seekable_stream_are_resent_whole()
    {
        var api = new ScriptedApi().Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.OK, UserJson);
        var transport = Create(api);
        var bytes = Encoding.ASCII.GetBytes("\x89PNG fake image bytes");
        var body = new ClerkMultipartBody();
        body.AddFile("file", new ClerkFile(new NonSeekableStream(bytes), "logo.png", "image/png"));
        body.Add("uploader_user_id", "user_1");
        var request = new ClerkRequest(HttpMethod.Put, "UploadOrganizationLogo", "/organizations/{organization_id}/logo", "/organizations/org_1/logo");
        request.SetMultipartBody(body);

        await Transports.RunAsync(transport.SendAsync(request, TestJsonContext.Default.TestUser, CancellationToken.None), _time, Step);

        Assert.That(api.Requests, Has.Count.EqualTo(2));
        foreach (var sent in api.Requests)
        {
            var parts = await MultipartReader.ReadAsync(sent);
            Assert.That(Encoding.UTF8.GetString(sent.Body!), Does.Contain("Content-Disposition: form-data; name=\"file\"; filename=\"logo.png\"\r\n"));
            Assert.That(parts.Select(p => p.Name), Is.EqualTo(new[] { "file", "uploader_user_id" }));
            Assert.That(parts[0].FileName, Is.EqualTo("logo.png"));
            Assert.That(parts[0].ContentType, Is.EqualTo("image/png"));
            Assert.That(parts[0].Body, Is.EqualTo(bytes));
            Assert.That(Encoding.UTF8.GetString(parts[1].Body), Is.EqualTo("user_1"));
        }
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position
        {
            get => base.Position;
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
