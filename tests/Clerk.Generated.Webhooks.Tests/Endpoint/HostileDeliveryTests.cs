using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clerk.Generated.Webhooks.Tests.Endpoint;

public sealed class HostileDeliveryTests
{
    [TestCase("svix-id")]
    [TestCase("svix-timestamp")]
    [TestCase("svix-signature")]
    public async Task A_delivery_missing_a_svix_header_is_refused_before_its_body_is_read(string missing)
    {
        var endpoint = new ClerkWebhookEndpoint(
            new ClerkWebhookVerifier(ClerkWebhookSigningSecret.Parse(WebhookHost.Secret)),
            new ClerkWebhookHandlers().Build(),
            new InMemoryClerkWebhookDeliveryStore(),
            ClerkWebhookOptions.DefaultMaxBodyBytes,
            NullLogger.Instance);
        var body = new UnreadableStream();
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = body;
        context.Response.Body = new MemoryStream();
        foreach (var header in new[] { "svix-id", "svix-timestamp", "svix-signature" }.Where(h => h != missing))
        {
            context.Request.Headers[header] = header == "svix-timestamp"
                ? DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "v1,c2ln";
        }

        await endpoint.HandleAsync(context);

        Assert.That(context.Response.StatusCode, Is.EqualTo(StatusCodes.Status400BadRequest));
        Assert.That(body.Reads, Is.Zero);
    }

    [TestCase("""{"type":"user.created","data":{"id":"\udc00"}}""")]
    [TestCase("""{"type":"user.created","data":{"n\ud800me":1}}""")]
    [TestCase("""{"type":"\ud800","data":{}}""")]
    public async Task A_signed_body_with_a_lone_surrogate_is_a_400_and_reaches_no_handler(string body)
    {
        var calls = 0;
        await using var host = await WebhookHost.StartAsync(h =>
        {
            h.On("user.created", (ClerkWebhookEvent e, CancellationToken _) =>
            {
                calls++;
                return Task.CompletedTask;
            });
            h.OnAny((ClerkWebhookEvent _, CancellationToken _) =>
            {
                calls++;
                return Task.CompletedTask;
            });
        });

        using var response = await host.Client.SendAsync(host.Delivery(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(calls, Is.Zero);
    }

    private sealed class UnreadableStream : Stream
    {
        public int Reads { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            return 0;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return ValueTask.FromResult(0);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
