namespace Clerk.Generated.Webhooks;

/// <summary>What a dispatch did.</summary>
/// <param name="EventType">The event's type.</param>
/// <param name="HandlersRun">How many handlers ran (type handlers, the unhandled handler, and catch-all handlers).</param>
/// <param name="MatchedType">True when at least one handler is registered for <paramref name="EventType"/>.</param>
public readonly record struct ClerkWebhookDispatchResult(string EventType, int HandlersRun, bool MatchedType);
