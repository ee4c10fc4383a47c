using Clerk.Generated.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.Authentication;

/// <summary>A token was rejected. Handlers may log it, or decide the result with <c>Success</c> / <c>NoResult</c>.</summary>
public sealed class ClerkAuthenticationFailedContext : ResultContext<ClerkAuthenticationOptions>
{
    /// <summary>Creates the context.</summary>
    public ClerkAuthenticationFailedContext(
        HttpContext context,
        AuthenticationScheme scheme,
        ClerkAuthenticationOptions options,
        ClerkAuthenticationException exception)
        : base(context, scheme, options)
    {
        Exception = exception;
    }

    /// <summary>The failure, with its reason and source.</summary>
    public ClerkAuthenticationException Exception { get; }

    /// <summary>Why the token was rejected.</summary>
    public TokenRejectionReason Reason => Exception.Reason;
}
