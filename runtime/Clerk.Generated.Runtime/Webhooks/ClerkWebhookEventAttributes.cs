using System.Text.Json;

namespace Clerk.Generated.Webhooks;

/// <summary>The <c>event_attributes</c> of an event: where the change that caused it came from.</summary>
/// <param name="HttpRequest">The <c>http_request</c> member, when Clerk sent one.</param>
/// <param name="Json">The whole <c>event_attributes</c> object, with any members this type does not model.</param>
public sealed record ClerkWebhookEventAttributes(ClerkWebhookHttpRequest? HttpRequest, JsonElement Json);

/// <summary>The request that caused an event (<c>event_attributes.http_request</c>).</summary>
/// <param name="ClientIp">The <c>client_ip</c> member.</param>
/// <param name="UserAgent">The <c>user_agent</c> member.</param>
public sealed record ClerkWebhookHttpRequest(string? ClientIp, string? UserAgent);
