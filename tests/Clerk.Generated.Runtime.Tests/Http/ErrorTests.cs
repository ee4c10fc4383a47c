using System.Net;
using Clerk.Generated.Http;
using Clerk.Generated.Runtime.Tests.Support;

namespace Clerk.Generated.Runtime.Tests.Http;

public sealed class ErrorTests
{
    private const string NotFound = """
        {"errors":[{"message":"not found","long_message":"User user_1 was not found","code":"resource_not_found","meta":{"param_name":"user_id"}}],
         "meta":{},"clerk_trace_id":"trace_abc"}
        """;

    [Test]
    public void Clerk_error_body_becomes_a_typed_exception()
    {
        var api = new ScriptedApi().Then(HttpStatusCode.NotFound, NotFound);
        var transport = Transports.Create(api.Handler);

        var error = Assert.ThrowsAsync<ClerkApiException>(() => transport.SendAsync(Transports.Get(), TestJsonContext.Default.TestUser, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(error.OperationId, Is.EqualTo("GetUser"));
            Assert.That(error.TraceId, Is.EqualTo("trace_abc"));
            Assert.That(error.ErrorCode, Is.EqualTo("resource_not_found"));
            Assert.That(error.Errors!.Errors.Single().LongMessage, Is.EqualTo("User user_1 was not found"));
            Assert.That(error.Errors.Errors.Single().Meta!.Value.GetProperty("param_name").GetString(), Is.EqualTo("user_id"));
            Assert.That(error.Message, Does.Contain("404").And.Contain("resource_not_found").And.Contain("trace_abc"));
            Assert.That(error.Message, Does.Not.Contain(Transports.SecretKey));
            Assert.That(api.Requests, Has.Count.EqualTo(1), "a 404 is not retried");
        });
    }

    [Test]
    public void Several_errors_are_all_kept()
    {
        var api = new ScriptedApi().Then(HttpStatusCode.UnprocessableEntity, """
            {"errors":[{"message":"a","long_message":"A","code":"form_param_missing"},{"message":"b","long_message":"B","code":"form_param_format_invalid"}]}
            """);
        var transport = Transports.Create(api.Handler);

        var error = Assert.ThrowsAsync<ClerkApiException>(() => transport.SendAsync(Transports.Post(), CancellationToken.None));

        Assert.That(error!.Errors!.Errors.Select(e => e.Code), Is.EqualTo(new[] { "form_param_missing", "form_param_format_invalid" }));
        Assert.That(error.TraceId, Is.Null);
    }

    [TestCase("<html><body>Bad gateway</body></html>", "text/html")]
    [TestCase("upstream connect error", "text/plain")]
    [TestCase("{\"message\":\"not a ClerkErrors document\"}", "application/json")]
    [TestCase("{\"errors\":", "application/json")]
    public void A_body_that_is_not_ClerkErrors_leaves_errors_null_but_keeps_the_status(string body, string mediaType)
    {
        var api = new ScriptedApi().ThenText(HttpStatusCode.BadRequest, body, mediaType);
        var transport = Transports.Create(api.Handler);

        var error = Assert.ThrowsAsync<ClerkApiException>(() => transport.SendAsync(Transports.Get(), TestJsonContext.Default.TestUser, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error.Errors, Is.Null);
            Assert.That(error.TraceId, Is.Null);
            Assert.That(error.Message, Does.Contain("400").And.Contain("no Clerk error body"));
        });
    }

    [Test]
    public void An_empty_error_body_leaves_errors_null()
    {
        var api = new ScriptedApi().Then(HttpStatusCode.Unauthorized);
        var transport = Transports.Create(api.Handler);

        var error = Assert.ThrowsAsync<ClerkApiException>(() => transport.SendAsync(Transports.Get(), CancellationToken.None));

        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(error.Errors, Is.Null);
    }

    [Test]
    public void A_429_on_a_call_that_is_not_retried_is_a_rate_limited_exception_with_retry_after()
    {
        var api = new ScriptedApi().Then(
            HttpStatusCode.TooManyRequests,
            """{"errors":[{"message":"slow down","long_message":"slow down","code":"too_many_requests"}],"clerk_trace_id":"t"}""",
            r => r.Headers.TryAddWithoutValidation("Retry-After", "12"));
        var transport = Transports.Create(api.Handler);

        var error = Assert.ThrowsAsync<ClerkRateLimitedException>(() => transport.SendAsync(Transports.Post(), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(12)));
            Assert.That(error.ErrorCode, Is.EqualTo("too_many_requests"));
            Assert.That(api.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void ClerkErrors_round_trips_through_the_runtime_context()
    {
        var parsed = System.Text.Json.JsonSerializer.Deserialize(NotFound, ClerkRuntimeJsonContext.Default.ClerkErrors)!;
        var again = System.Text.Json.JsonSerializer.Deserialize(
            System.Text.Json.JsonSerializer.Serialize(parsed, ClerkRuntimeJsonContext.Default.ClerkErrors),
            ClerkRuntimeJsonContext.Default.ClerkErrors)!;

        Assert.That(again.Errors.Single().Code, Is.EqualTo("resource_not_found"));
        Assert.That(again.ClerkTraceId, Is.EqualTo("trace_abc"));
        Assert.That(again.Meta!.Value.ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Object));
    }
}
