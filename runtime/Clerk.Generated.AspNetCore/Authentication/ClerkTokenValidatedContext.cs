using Clerk.Generated.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Clerk.Generated.Authentication;

/// <summary>A token validated; <see cref="ResultContext{TOptions}.Principal"/> holds the claims built from it.</summary>
public sealed class ClerkTokenValidatedContext : ResultContext<ClerkAuthenticationOptions>
{
    /// <summary>Creates the context.</summary>
    public ClerkTokenValidatedContext(
        HttpContext context,
        AuthenticationScheme scheme,
        ClerkAuthenticationOptions options,
        ClerkTokenValidationResult validation,
        ClerkTokenSource source)
        : base(context, scheme, options)
    {
        Validation = validation;
        Source = source;
    }

    /// <summary>The validator's verdict, with the typed token.</summary>
    public ClerkTokenValidationResult Validation { get; }

    /// <summary>The validated session token, or null for a machine token.</summary>
    public ClerkJwt? Jwt => Validation.Token;

    /// <summary>The verified machine token, or null for a session token.</summary>
    public ClerkMachineToken? MachineToken => Validation.MachineToken;

    /// <summary>Where the token came from.</summary>
    public ClerkTokenSource Source { get; }
}
