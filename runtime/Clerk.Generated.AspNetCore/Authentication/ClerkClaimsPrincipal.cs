using System.Security.Claims;
using System.Security.Principal;
using Clerk.Generated.Tokens;

namespace Clerk.Generated.Authentication;

/// <summary>
/// The principal of a Clerk-authenticated request, whose identity and claims are built the first time anything looks
/// at them. A handler that reads the token (a <see cref="ClerkJwt"/> parameter, <c>GetClerkJwt()</c>) never pays for
/// a dozen claim objects per request; anything that does look (policies, <c>User.FindFirst</c>, claims
/// transformations, events, copies) gets the same identity <see cref="ClerkPrincipalFactory"/> builds. Every member of
/// <see cref="ClaimsPrincipal"/> that reads its identity list is overridden to build it first; the base class reads
/// another principal's identities only through <see cref="Identities"/>, so copies (<see cref="ClaimsPrincipal.Clone"/>,
/// <c>new ClaimsPrincipal(user)</c>) see the identity too. One instance per request, never shared.
/// </summary>
internal sealed class ClerkClaimsPrincipal(ClerkTokenValidationResult validation) : ClaimsPrincipal
{
    private readonly Lock _gate = new();
    private ClerkTokenValidationResult? _pending = validation;

    /// <summary>Whether the identity has been built yet.</summary>
    internal bool IsMaterialized => Volatile.Read(ref _pending) is null;

    public override IEnumerable<ClaimsIdentity> Identities
    {
        get
        {
            Materialize();
            return base.Identities;
        }
    }

    public override IIdentity? Identity
    {
        get
        {
            Materialize();
            return base.Identity;
        }
    }

    public override IEnumerable<Claim> Claims
    {
        get
        {
            Materialize();
            return base.Claims;
        }
    }

    public override void AddIdentity(ClaimsIdentity identity)
    {
        Materialize();
        base.AddIdentity(identity);
    }

    public override void AddIdentities(IEnumerable<ClaimsIdentity> identities)
    {
        Materialize();
        base.AddIdentities(identities);
    }

    public override IEnumerable<Claim> FindAll(Predicate<Claim> match)
    {
        Materialize();
        return base.FindAll(match);
    }

    public override IEnumerable<Claim> FindAll(string type)
    {
        Materialize();
        return base.FindAll(type);
    }

    public override Claim? FindFirst(Predicate<Claim> match)
    {
        Materialize();
        return base.FindFirst(match);
    }

    public override Claim? FindFirst(string type)
    {
        Materialize();
        return base.FindFirst(type);
    }

    public override bool HasClaim(Predicate<Claim> match)
    {
        Materialize();
        return base.HasClaim(match);
    }

    public override bool HasClaim(string type, string value)
    {
        Materialize();
        return base.HasClaim(type, value);
    }

    public override bool IsInRole(string role)
    {
        Materialize();
        return base.IsInRole(role);
    }

    protected override void WriteTo(BinaryWriter writer, byte[]? userData)
    {
        Materialize();
        base.WriteTo(writer, userData);
    }

    private void Materialize()
    {
        if (Volatile.Read(ref _pending) is not null)
        {
            MaterializeOnce();
        }
    }

    private void MaterializeOnce()
    {
        // Readers of a plain principal may run in parallel (tasks of one request reading User): the identity is added
        // exactly once, and _pending is cleared only after it is in the list.
        lock (_gate)
        {
            if (_pending is { } pending)
            {
                base.AddIdentity(ClerkPrincipalFactory.CreateIdentity(pending));
                Volatile.Write(ref _pending, null);
            }
        }
    }
}
