using System.Security.Claims;
using Clerk.Generated.Tokens;

namespace Clerk.Generated.Authentication;

/// <summary>
/// Turns a validated token into a principal with the claims of <see cref="ClerkClaimTypes"/>. The typed token rides
/// along as the identity's <see cref="ClaimsIdentity.BootstrapContext"/>, so policies read it without re-parsing.
/// </summary>
internal static class ClerkPrincipalFactory
{
    private const string Issuer = "Clerk";

    /// <summary>The request's principal: its identity is built by <see cref="CreateIdentity"/> on first look.</summary>
    public static ClaimsPrincipal Create(ClerkTokenValidationResult validation) => new ClerkClaimsPrincipal(validation);

    public static ClaimsIdentity CreateIdentity(ClerkTokenValidationResult validation)
    {
        var identity = new ClaimsIdentity(ClerkAuthenticationDefaults.AuthenticationType, ClerkClaimTypes.UserId, ClerkClaimTypes.OrganizationRole);
        if (validation.Token is { } jwt)
        {
            AddSessionClaims(identity, jwt);
            identity.BootstrapContext = jwt;
        }
        else if (validation.MachineToken is { } machine)
        {
            AddMachineClaims(identity, machine);
            identity.BootstrapContext = machine;
        }

        return identity;
    }

    private static void AddSessionClaims(ClaimsIdentity identity, ClerkJwt jwt)
    {
        Add(identity, ClerkClaimTypes.UserId, jwt.Subject);
        Add(identity, ClaimTypes.NameIdentifier, jwt.Subject);
        Add(identity, ClerkClaimTypes.TokenType, "session_token");
        Add(identity, ClerkClaimTypes.SessionId, jwt.SessionId);
        Add(identity, ClerkClaimTypes.SessionStatus, jwt.SessionStatus);
        Add(identity, ClerkClaimTypes.AuthorizedParty, jwt.AuthorizedParty);
        Add(identity, ClerkClaimTypes.Issuer, jwt.Issuer);
        if (jwt.Organization is { } org)
        {
            Add(identity, ClerkClaimTypes.OrganizationId, org.Id);
            Add(identity, ClerkClaimTypes.OrganizationSlug, org.Slug);
            Add(identity, ClerkClaimTypes.OrganizationRole, org.Role);
            foreach (var permission in org.Permissions)
            {
                Add(identity, ClerkClaimTypes.OrganizationPermission, permission);
            }
        }

        foreach (var feature in jwt.Features)
        {
            Add(identity, ClerkClaimTypes.Feature, feature);
        }

        foreach (var plan in jwt.Plans)
        {
            Add(identity, ClerkClaimTypes.Plan, plan);
        }

        Add(identity, ClerkClaimTypes.ActorId, jwt.Actor?.Subject);
    }

    private static void AddMachineClaims(ClaimsIdentity identity, ClerkMachineToken machine)
    {
        Add(identity, ClerkClaimTypes.UserId, machine.Subject);
        Add(identity, ClaimTypes.NameIdentifier, machine.Subject);
        Add(identity, ClerkClaimTypes.TokenType, machine.TokenType switch
        {
            ClerkTokenTypes.ApiKey => "api_key",
            ClerkTokenTypes.M2MToken => "m2m_token",
            ClerkTokenTypes.OAuthToken => "oauth_token",
            _ => "machine_token",
        });
        foreach (var scope in machine.Scopes)
        {
            Add(identity, ClerkClaimTypes.Scope, scope);
        }
    }

    private static void Add(ClaimsIdentity identity, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            // Created with its subject, so AddClaim keeps this instance instead of cloning it for the identity.
            identity.AddClaim(new Claim(type, value, ClaimValueTypes.String, Issuer, Issuer, identity));
        }
    }
}
