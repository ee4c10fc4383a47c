using System.Net;
using Microsoft.Extensions.Logging;

namespace Clerk.Generated.Webhooks.Tests.Endpoint;

public sealed class WebhookLoggingTests
{
    private const string Body = """{"type":"user.created","object":"event","data":{"id":"user_1","email":"person@example.com"}}""";

    [Test]
    public async Task Rejections_are_logged_with_the_reason_and_never_the_secret_or_the_payload()
    {
        using var logs = new CapturedLogs();
        await using var host = await WebhookHost.StartAsync(_ => { }, logs: logs);
        var request = host.Delivery(Body, "msg_logged");
        request.Headers.Remove("svix-signature");
        request.Headers.Add("svix-signature", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        using var response = await host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var webhookLines = logs.Entries.Where(e => e.Category == "Clerk.Generated.AspNetCore.Webhooks").ToArray();
        Assert.That(webhookLines, Has.Some.Matches<(string, LogLevel Level, string Text)>(
            e => e.Level == LogLevel.Warning && e.Text.Contains("msg_logged") && e.Text.Contains("SignatureMismatch")));
        AssertNothingSensitive(logs);
    }

    [Test]
    public async Task Handler_failures_are_logged_as_errors_with_the_exception_and_never_the_secret()
    {
        using var logs = new CapturedLogs();
        await using var host = await WebhookHost.StartAsync(
            h => h.On("user.created", (ClerkWebhookEvent _, CancellationToken _) => throw new InvalidOperationException("store unavailable")),
            logs: logs);

        using var response = await host.Client.SendAsync(host.Delivery(Body, "msg_failing"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(logs.Entries, Has.Some.Matches<(string, LogLevel Level, string Text)>(
            e => e.Level == LogLevel.Error && e.Text.Contains("user.created") && e.Text.Contains("msg_failing") && e.Text.Contains("store unavailable")));
        AssertNothingSensitive(logs);
    }

    private static void AssertNothingSensitive(CapturedLogs logs)
    {
        var key = WebhookHost.Secret["whsec_".Length..];
        foreach (var (_, _, text) in logs.Entries)
        {
            Assert.That(text, Does.Not.Contain(key[..12]));
            Assert.That(text, Does.Not.Contain("person@example.com"));
        }
    }
}
