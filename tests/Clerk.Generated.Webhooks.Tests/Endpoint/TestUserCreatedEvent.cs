using System.Text.Json;

namespace Clerk.Generated.Webhooks.Tests.Endpoint;

/// <summary>The shape a generated typed event takes: a model of <c>data</c> and a factory from the envelope.</summary>
internal sealed class TestUserCreatedEvent : ClerkWebhookEvent<TestUser>
{
    private TestUserCreatedEvent(ClerkWebhookEnvelope envelope, TestUser data)
        : base(envelope, data)
    {
    }

    public static TestUserCreatedEvent Create(ClerkWebhookEnvelope envelope)
        => new(envelope, new TestUser(
            envelope.Data.GetProperty("id").GetString()!,
            envelope.Data.TryGetProperty("first_name", out var name) ? name.GetString() : null));
}

internal sealed record TestUser(string Id, string? FirstName);
