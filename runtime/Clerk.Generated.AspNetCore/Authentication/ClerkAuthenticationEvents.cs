namespace Clerk.Generated.Authentication;

/// <summary>
/// Hooks into each step of the Clerk scheme, like <c>JwtBearerEvents</c>: set a delegate, or derive and override.
/// </summary>
public class ClerkAuthenticationEvents
{
    // The defaults of the two per-request hooks, kept so the scheme can tell that nobody listens and skip building
    // their contexts on every authenticated request.
    private static readonly Func<ClerkTokenReceivedContext, Task> NoTokenReceived = static _ => Task.CompletedTask;
    private static readonly Func<ClerkTokenValidatedContext, Task> NoTokenValidated = static _ => Task.CompletedTask;

    /// <summary>Called first: may supply the token (<see cref="ClerkTokenReceivedContext.Token"/>) or decide the result.</summary>
    public Func<ClerkTokenReceivedContext, Task> OnTokenReceived { get; set; } = NoTokenReceived;

    /// <summary>Called after a token validated: may add claims, or reject the request.</summary>
    public Func<ClerkTokenValidatedContext, Task> OnTokenValidated { get; set; } = NoTokenValidated;

    /// <summary>Called when a token was rejected, with the reason.</summary>
    public Func<ClerkAuthenticationFailedContext, Task> OnAuthenticationFailed { get; set; } = static _ => Task.CompletedTask;

    /// <summary>Called before a 401 (or 503) challenge is written; call <c>HandleResponse()</c> to write your own.</summary>
    public Func<ClerkChallengeContext, Task> OnChallenge { get; set; } = static _ => Task.CompletedTask;

    /// <summary>Called before a 403 is written; call <c>HandleResponse()</c> to write your own.</summary>
    public Func<ClerkForbiddenContext, Task> OnForbidden { get; set; } = static _ => Task.CompletedTask;

    /// <summary>Invokes <see cref="OnTokenReceived"/>.</summary>
    public virtual Task TokenReceived(ClerkTokenReceivedContext context) => OnTokenReceived(context);

    /// <summary>Invokes <see cref="OnTokenValidated"/>.</summary>
    public virtual Task TokenValidated(ClerkTokenValidatedContext context) => OnTokenValidated(context);

    /// <summary>Invokes <see cref="OnAuthenticationFailed"/>.</summary>
    public virtual Task AuthenticationFailed(ClerkAuthenticationFailedContext context) => OnAuthenticationFailed(context);

    /// <summary>Invokes <see cref="OnChallenge"/>.</summary>
    public virtual Task Challenge(ClerkChallengeContext context) => OnChallenge(context);

    /// <summary>Invokes <see cref="OnForbidden"/>.</summary>
    public virtual Task Forbidden(ClerkForbiddenContext context) => OnForbidden(context);

    /// <summary>Whether <see cref="TokenReceived"/> can do anything: a delegate was set, or a derived class may override it.</summary>
    internal bool ObservesTokenReceived => GetType() != typeof(ClerkAuthenticationEvents) || !ReferenceEquals(OnTokenReceived, NoTokenReceived);

    /// <summary>Whether <see cref="TokenValidated"/> can do anything: a delegate was set, or a derived class may override it.</summary>
    internal bool ObservesTokenValidated => GetType() != typeof(ClerkAuthenticationEvents) || !ReferenceEquals(OnTokenValidated, NoTokenValidated);
}
