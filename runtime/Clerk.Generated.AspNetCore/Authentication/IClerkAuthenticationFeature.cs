using Clerk.Generated.Tokens;

namespace Clerk.Generated.Authentication;

/// <summary>What the Clerk scheme or middleware established for the current request (an <c>HttpContext</c> feature).</summary>
public interface IClerkAuthenticationFeature
{
    /// <summary>The validated session token, or null.</summary>
    ClerkJwt? Jwt { get; }

    /// <summary>The verified machine token, or null.</summary>
    ClerkMachineToken? MachineToken { get; }

    /// <summary>Where the token came from.</summary>
    ClerkTokenSource Source { get; }
}

/// <summary>The feature's implementation: one immutable instance per authenticated request.</summary>
internal sealed record ClerkAuthenticationFeature(ClerkJwt? Jwt, ClerkMachineToken? MachineToken, ClerkTokenSource Source)
    : IClerkAuthenticationFeature;
