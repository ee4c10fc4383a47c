using Clerk.Generated.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.Authentication;

/// <summary>A challenge is about to be answered (401, or 503 when keys cannot be had).</summary>
public sealed class ClerkChallengeContext : PropertiesContext<ClerkAuthenticationOptions>
{
    /// <summary>Creates the context.</summary>
    public ClerkChallengeContext(
        HttpContext context,
        AuthenticationScheme scheme,
        ClerkAuthenticationOptions options,
        AuthenticationProperties properties,
        ClerkAuthenticationException? failure)
        : base(context, scheme, options, properties)
    {
        AuthenticateFailure = failure;
    }

    /// <summary>Why authentication failed, or null when the request carried no token.</summary>
    public ClerkAuthenticationException? AuthenticateFailure { get; }

    /// <summary>The rejection reason (<see cref="TokenRejectionReason.Missing"/> when there was no token).</summary>
    public TokenRejectionReason Reason => AuthenticateFailure?.Reason ?? TokenRejectionReason.Missing;

    /// <summary>Whether an event handler wrote the response itself; the scheme then writes nothing.</summary>
    public bool Handled { get; private set; }

    /// <summary>Tells the scheme the response is written.</summary>
    public void HandleResponse() => Handled = true;
}
