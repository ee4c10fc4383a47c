using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Generated.Webhooks.Tests.Endpoint;

/// <summary>A TestServer application with the webhook endpoint mapped at /webhooks/clerk, on a fake clock.</summary>
internal sealed class WebhookHost : IAsyncDisposable
{
    public const string Path = "/webhooks/clerk";
    public const string Secret = "whsec_" + "c2VjcmV0LWtleS1mb3ItdGVzdHMtMDEyMzQ1Njc4OQ==";

    private readonly WebApplication _app;

    private WebhookHost(WebApplication app, FakeTimeProvider clock, HttpClient client)
    {
        _app = app;
        Clock = clock;
        Client = client;
    }

    public FakeTimeProvider Clock { get; }

    public HttpClient Client { get; }

    public ClerkWebhookSigner Signer { get; } = new(ClerkWebhookSigningSecret.Parse(Secret));

    public static async Task<WebhookHost> StartAsync(
        Action<ClerkWebhookHandlers> configure,
        long maxBodyBytes = ClerkWebhookOptions.DefaultMaxBodyBytes,
        Action<IServiceCollection>? services = null,
        ILoggerProvider? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        }

        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000));
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddClerkWebhooks(o =>
        {
            o.SigningSecret = Secret;
            o.MaxBodyBytes = maxBodyBytes;
        });
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapClerkWebhooks(Path, configure);
        await app.StartAsync();
        return new WebhookHost(app, clock, app.GetTestClient());
    }

    /// <summary>A signed delivery of <paramref name="body"/>, dated now on the fake clock.</summary>
    public HttpRequestMessage Delivery(string body, string messageId = "msg_2abcDEF", string headerPrefix = "svix-", DateTimeOffset? signedAt = null)
        => Delivery(Encoding.UTF8.GetBytes(body), messageId, headerPrefix, signedAt);

    public HttpRequestMessage Delivery(byte[] body, string messageId = "msg_2abcDEF", string headerPrefix = "svix-", DateTimeOffset? signedAt = null)
    {
        var headers = Signer.CreateHeaders(messageId, signedAt ?? Clock.GetUtcNow(), body);
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(headerPrefix + "id", headers.MessageId);
        request.Headers.Add(headerPrefix + "timestamp", headers.Timestamp);
        request.Headers.Add(headerPrefix + "signature", headers.Signature);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
