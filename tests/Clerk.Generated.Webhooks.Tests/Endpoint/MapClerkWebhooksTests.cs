using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clerk.Generated.Webhooks.Tests.Endpoint;

[NonParallelizable] // One test clears CLERK_WEBHOOK_SIGNING_SECRET.
public sealed class MapClerkWebhooksTests
{
    private const string UserCreated = """
        {"data":{"id":"user_29w83sxmDNGwOuEthce5gg56FcC","first_name":"Example","email_addresses":[]},
         "event_attributes":{"http_request":{"client_ip":"192.0.2.1","user_agent":"Mozilla/5.0"}},
         "instance_id":"ins_123","object":"event","timestamp":1654012591835,"type":"user.created"}
        """;

    [Test]
    public async Task Valid_delivery_reaches_the_handler_and_is_acknowledged_with_204()
    {
        ClerkWebhookEvent? received = null;
        await using var host = await WebhookHost.StartAsync(h => h.On("user.created", (ClerkWebhookEvent e, CancellationToken _) =>
        {
            received = e;
            return Task.CompletedTask;
        }));

        using var response = await host.Client.SendAsync(host.Delivery(UserCreated, "msg_valid"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(received, Is.InstanceOf<UnknownClerkWebhookEvent>());
        Assert.That(received!.Type, Is.EqualTo("user.created"));
        Assert.That(received.Data.GetProperty("id").GetString(), Is.EqualTo("user_29w83sxmDNGwOuEthce5gg56FcC"));
        Assert.That(received.InstanceId, Is.EqualTo("ins_123"));
        Assert.That(received.Timestamp, Is.EqualTo(1654012591835));
        Assert.That(received.EventAttributes!.HttpRequest, Is.EqualTo(new ClerkWebhookHttpRequest("192.0.2.1", "Mozilla/5.0")));
        Assert.That(received.Delivery, Is.EqualTo(new ClerkWebhookDelivery("msg_valid", host.Clock.GetUtcNow())));
        Assert.That(received.Json.GetRawText(), Is.EqualTo(UserCreated));
    }

    [Test]
    public async Task Standard_webhook_headers_are_accepted()
    {
        var calls = 0;
        await using var host = await WebhookHost.StartAsync(h => h.On("user.created", (ClerkWebhookEvent _, CancellationToken _) =>
        {
            calls++;
            return Task.CompletedTask;
        }));

        using var response = await host.Client.SendAsync(host.Delivery(UserCreated, headerPrefix: "webhook-"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task Tampered_body_is_rejected_with_400_and_the_reason_before_any_handler_runs()
    {
        var calls = 0;
        await using var host = await WebhookHost.StartAsync(h => h.OnAny((ClerkWebhookEvent _, CancellationToken _) =>
        {
            calls++;
            return Task.CompletedTask;
        }));
        var request = host.Delivery(UserCreated);
        request.Content = new StringContent(UserCreated.Replace("Example", "Exbmple", StringComparison.Ordinal), Encoding.UTF8, "application/json");

        using var response = await host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await Problem(response);
        Assert.That(problem.GetProperty("reason").GetString(), Is.EqualTo("SignatureMismatch"));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(calls, Is.Zero);
    }

    [Test]
    public async Task Tampered_signature_header_is_rejected()
    {
        await using var host = await WebhookHost.StartAsync(_ => { });
        var request = host.Delivery(UserCreated);
        request.Headers.Remove("svix-signature");
        request.Headers.Add("svix-signature", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        using var response = await host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Problem(response)).GetProperty("reason").GetString(), Is.EqualTo("SignatureMismatch"));
    }

    [Test]
    public async Task Missing_headers_are_named()
    {
        await using var host = await WebhookHost.StartAsync(_ => { });
        var request = host.Delivery(UserCreated);
        request.Headers.Remove("svix-id");

        using var response = await host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await Problem(response);
        Assert.That(problem.GetProperty("reason").GetString(), Is.EqualTo("MissingMessageId"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("svix-id"));
    }

    [Test]
    public async Task Replay_outside_the_tolerance_is_rejected()
    {
        var calls = 0;
        await using var host = await WebhookHost.StartAsync(h => h.OnAny((ClerkWebhookEvent _, CancellationToken _) =>
        {
            calls++;
            return Task.CompletedTask;
        }));
        using (var first = await host.Client.SendAsync(host.Delivery(UserCreated)))
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        var replay = host.Delivery(UserCreated);
        host.Clock.Advance(TimeSpan.FromSeconds(301));
        using var response = await host.Client.SendAsync(replay);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Problem(response)).GetProperty("reason").GetString(), Is.EqualTo("TimestampTooOld"));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task Delivery_dated_beyond_the_tolerance_in_the_future_is_rejected()
    {
        await using var host = await WebhookHost.StartAsync(h => h.OnAny((ClerkWebhookEvent _, CancellationToken _) => Task.CompletedTask));

        using var response = await host.Client.SendAsync(host.Delivery(UserCreated, signedAt: host.Clock.GetUtcNow().AddSeconds(301)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Problem(response)).GetProperty("reason").GetString(), Is.EqualTo("TimestampTooNew"));
    }

    [Test]
    public async Task Oversized_body_with_content_length_is_refused_with_413()
    {
        var calls = 0;
        await using var host = await WebhookHost.StartAsync(
            h => h.OnAny((ClerkWebhookEvent _, CancellationToken _) =>
            {
                calls++;
                return Task.CompletedTask;
            }),
            maxBodyBytes: 1024);

        using var response = await host.Client.SendAsync(host.Delivery(BodyOfSize(1025)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That((await Problem(response)).GetProperty("reason").GetString(), Is.EqualTo("PayloadTooLarge"));
        Assert.That(calls, Is.Zero);
    }

    [Test]
    public async Task Oversized_chunked_body_is_refused_with_413_and_a_body_at_the_limit_is_accepted()
    {
        await using var host = await WebhookHost.StartAsync(h => h.OnAny((ClerkWebhookEvent _, CancellationToken _) => Task.CompletedTask), maxBodyBytes: 1024);

        var tooLarge = host.Delivery(BodyOfSize(1025));
        tooLarge.Content = new StreamContent(new NonSeekableStream(BodyOfSize(1025)));
        using var refused = await host.Client.SendAsync(tooLarge);

        var atLimit = host.Delivery(BodyOfSize(1024));
        atLimit.Content = new StreamContent(new NonSeekableStream(BodyOfSize(1024)));
        using var accepted = await host.Client.SendAsync(atLimit);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task Unknown_event_type_is_acknowledged_and_kept_as_raw_json()
    {
        const string body = """{"type":"brandNew.thing","object":"event","data":{"answer":42,"nested":{"a":[1,2]}},"timestamp":1,"instance_id":"ins_1","surprise":true}""";
        ClerkWebhookEvent? unhandled = null;
        await using var host = await WebhookHost.StartAsync(h => h
            .On("user.created", (ClerkWebhookEvent _, CancellationToken _) => throw new AssertionException("wrong handler"))
            .OnUnhandled((ClerkWebhookEvent e, CancellationToken _) =>
            {
                unhandled = e;
                return Task.CompletedTask;
            }));

        using var response = await host.Client.SendAsync(host.Delivery(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(unhandled, Is.InstanceOf<UnknownClerkWebhookEvent>());
        Assert.That(unhandled!.Json.GetRawText(), Is.EqualTo(body));
        Assert.That(unhandled.Data.GetProperty("nested").GetRawText(), Is.EqualTo("""{"a":[1,2]}"""));
    }

    [Test]
    public async Task Event_type_without_any_handler_is_still_acknowledged()
    {
        await using var host = await WebhookHost.StartAsync(_ => { });

        using var response = await host.Client.SendAsync(host.Delivery(UserCreated));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task Handler_that_throws_gets_500_without_leaking_its_message_so_svix_retries()
    {
        await using var host = await WebhookHost.StartAsync(h => h.On(
            "user.created", (ClerkWebhookEvent _, CancellationToken _) => throw new InvalidOperationException("database password is hunter2")));

        using var response = await host.Client.SendAsync(host.Delivery(UserCreated));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(text, Does.Not.Contain("hunter2"));
        Assert.That(JsonDocument.Parse(text).RootElement.GetProperty("reason").GetString(), Is.EqualTo("HandlerFailed"));
    }

    [Test]
    public async Task Handler_that_fails_asynchronously_gets_500()
    {
        await using var host = await WebhookHost.StartAsync(h => h.On("user.created", async (ClerkWebhookEvent _, CancellationToken ct) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("later");
        }));

        using var response = await host.Client.SendAsync(host.Delivery(UserCreated));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
    }

    [Test]
    public async Task Typed_handler_receives_its_typed_event()
    {
        TestUserCreatedEvent? received = null;
        await using var host = await WebhookHost.StartAsync(h => h.On(
            "user.created", TestUserCreatedEvent.Create, (TestUserCreatedEvent e, CancellationToken _) =>
            {
                received = e;
                return Task.CompletedTask;
            }));

        using var response = await host.Client.SendAsync(host.Delivery(UserCreated));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(received!.Data, Is.EqualTo(new TestUser("user_29w83sxmDNGwOuEthce5gg56FcC", "Example")));
        Assert.That(((ClerkWebhookEvent)received).Data.GetProperty("first_name").GetString(), Is.EqualTo("Example"));
    }

    [Test]
    public async Task Authentic_payload_that_does_not_fit_the_typed_event_is_a_400_not_a_500()
    {
        await using var host = await WebhookHost.StartAsync(h => h.On(
            "user.created", TestUserCreatedEvent.Create, (TestUserCreatedEvent _, CancellationToken _) => Task.CompletedTask));

        using var response = await host.Client.SendAsync(host.Delivery("""{"type":"user.created","data":{"id":17}}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await Problem(response);
        Assert.That(problem.GetProperty("reason").GetString(), Is.EqualTo("InvalidPayload"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("TestUserCreatedEvent"));
    }

    [TestCase("not json", "not valid JSON")]
    [TestCase("""{"type":"user.created","data":{}} trailing""", "not valid JSON")]
    [TestCase("[1,2]", "array, not an object")]
    [TestCase("""{"data":{}}""", "no 'type'")]
    [TestCase("""{"type":"user.created"}""", "no 'data'")]
    public async Task Authentic_body_that_is_not_an_event_is_a_400_with_the_reason(string body, string reason)
    {
        await using var host = await WebhookHost.StartAsync(h => h.OnAny((ClerkWebhookEvent _, CancellationToken _) => Task.CompletedTask));

        using var response = await host.Client.SendAsync(host.Delivery(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await Problem(response);
        Assert.That(problem.GetProperty("reason").GetString(), Is.EqualTo("InvalidPayload"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(reason));
    }

    [Test]
    public async Task Handlers_get_the_request_scoped_services()
    {
        RequestMarker? seen = null;
        await using var host = await WebhookHost.StartAsync(
            h => h.On("user.created", (ClerkWebhookEvent _, IServiceProvider services, CancellationToken _) =>
            {
                seen = services.GetRequiredService<RequestMarker>();
                return Task.CompletedTask;
            }),
            services: s => s.AddScoped<RequestMarker>());

        using var response = await host.Client.SendAsync(host.Delivery(UserCreated));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(seen, Is.Not.Null);
    }

    [Test]
    public async Task Only_post_is_mapped()
    {
        await using var host = await WebhookHost.StartAsync(_ => { });

        using var response = await host.Client.GetAsync(WebhookHost.Path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public void Mapping_without_a_secret_fails_at_startup_with_a_typed_error()
    {
        var previous = Environment.GetEnvironmentVariable(ClerkWebhookSigningSecret.EnvironmentVariable);
        Environment.SetEnvironmentVariable(ClerkWebhookSigningSecret.EnvironmentVariable, null);
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseTestServer();
            using var app = builder.Build();

            var error = Assert.Throws<ClerkWebhookSecretException>(() => app.MapClerkWebhooks(WebhookHost.Path, _ => { }));
            Assert.That(error!.Message, Does.Contain("CLERK_WEBHOOK_SIGNING_SECRET"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ClerkWebhookSigningSecret.EnvironmentVariable, previous);
        }
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static byte[] BodyOfSize(int size)
    {
        var prefix = """{"type":"user.created","data":{"pad":""";
        const string suffix = "\"}}";
        return Encoding.UTF8.GetBytes(prefix + "\"" + new string('x', size - prefix.Length - 1 - suffix.Length) + suffix);
    }

    private sealed class RequestMarker;

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
