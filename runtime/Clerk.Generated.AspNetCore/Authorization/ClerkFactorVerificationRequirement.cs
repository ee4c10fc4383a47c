using Clerk.Generated.Tokens;

namespace Clerk.Generated.Authorization;

/// <summary>
/// Step-up: the session's factors were verified recently (<c>fva</c> claim). A token without <c>fva</c>, or with
/// -1 for a required factor, fails.
/// </summary>
public sealed class ClerkFactorVerificationRequirement : ClerkAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="maxAge">How long ago the factor may have been verified; at least one minute.</param>
    /// <param name="level">Which factors count.</param>
    public ClerkFactorVerificationRequirement(TimeSpan maxAge, ClerkFactorLevel level = ClerkFactorLevel.SecondFactor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAge, TimeSpan.FromMinutes(1));
        MaxAge = maxAge;
        Level = level;
    }

    /// <summary>The largest accepted age.</summary>
    public TimeSpan MaxAge { get; }

    /// <summary>Which factors count.</summary>
    public ClerkFactorLevel Level { get; }

    /// <inheritdoc />
    public override bool IsSatisfiedBy(ClerkJwt jwt)
    {
        if (jwt.FactorVerificationAge is not { } fva)
        {
            return false;
        }

        // fva holds whole minutes since verification; "within N minutes" means strictly less than N, as Clerk checks.
        var minutes = (int)Math.Min(int.MaxValue, Math.Floor(MaxAge.TotalMinutes));
        var first = fva.FirstFactorVerifiedWithin(minutes);
        var second = fva.SecondFactorVerifiedWithin(minutes);
        return Level switch
        {
            ClerkFactorLevel.FirstFactor => first,
            ClerkFactorLevel.SecondFactor => second,
            ClerkFactorLevel.FirstOrSecondFactor => first || second,
            ClerkFactorLevel.MultiFactor => first && second,
            _ => false,
        };
    }

    /// <inheritdoc />
    public override string Describe() => $"{Level} verified within {MaxAge.TotalMinutes:0} minutes";
}
