using System.Text.Encodings.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clerk.Generated.Authentication;

/// <summary>
/// Creates the Clerk handler from singletons resolved once. The authentication system asks the request's services
/// for a new handler on every request; registered through this factory, that is a constructor call instead of the
/// container activating the handler type and resolving its four dependencies each time (under Native AOT, through
/// reflection).
/// </summary>
internal sealed class ClerkAuthenticationHandlerFactory(
    IOptionsMonitor<ClerkAuthenticationOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    ClerkValidatorProvider validators)
{
    public ClerkAuthenticationHandler Create() => new(options, loggers, encoder, validators);
}
