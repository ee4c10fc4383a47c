using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.Authentication;

/// <summary>An authenticated request is about to be refused with 403.</summary>
public sealed class ClerkForbiddenContext : PropertiesContext<ClerkAuthenticationOptions>
{
    /// <summary>Creates the context.</summary>
    public ClerkForbiddenContext(
        HttpContext context,
        AuthenticationScheme scheme,
        ClerkAuthenticationOptions options,
        AuthenticationProperties properties,
        IReadOnlyList<string> failedRequirements)
        : base(context, scheme, options, properties)
    {
        FailedRequirements = failedRequirements;
    }

    /// <summary>What the request lacked, one line per failed Clerk requirement (empty when not known).</summary>
    public IReadOnlyList<string> FailedRequirements { get; }

    /// <summary>Whether an event handler wrote the response itself; the scheme then writes nothing.</summary>
    public bool Handled { get; private set; }

    /// <summary>Tells the scheme the response is written.</summary>
    public void HandleResponse() => Handled = true;
}
