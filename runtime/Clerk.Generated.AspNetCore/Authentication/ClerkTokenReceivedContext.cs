using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.Authentication;

/// <summary>The first step: the token may be supplied here (for example from a query string for SignalR).</summary>
public sealed class ClerkTokenReceivedContext : ResultContext<ClerkAuthenticationOptions>
{
    /// <summary>Creates the context.</summary>
    public ClerkTokenReceivedContext(HttpContext context, AuthenticationScheme scheme, ClerkAuthenticationOptions options)
        : base(context, scheme, options)
    {
    }

    /// <summary>
    /// The token to validate. Null on entry; when an event sets it, the header and cookie are not read.
    /// </summary>
    public string? Token { get; set; }
}
