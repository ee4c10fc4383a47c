namespace Clerk.Generated.Tokens;

/// <summary>
/// The <c>act</c> claim: who is really acting when a session is an impersonation (Clerk's "actor tokens").
/// </summary>
/// <param name="Subject">The impersonator's user id (<c>act.sub</c>).</param>
/// <param name="Issuer">Who issued the actor token (<c>act.iss</c>), when present.</param>
/// <param name="SessionId">The impersonator's own session id (<c>act.sid</c>), when present.</param>
/// <param name="Type">The actor type (<c>act.type</c>), when present.</param>
public sealed record ClerkActor(string Subject, string? Issuer, string? SessionId, string? Type);
