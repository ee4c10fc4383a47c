namespace Clerk.Generated.Tokens;

/// <summary>
/// The <c>fva</c> claim: minutes since the user last verified each factor, or -1 when that factor was never verified
/// in this session. Used for step-up ("reverification") checks.
/// </summary>
/// <param name="FirstFactorMinutes">Minutes since the first factor was verified, or -1.</param>
/// <param name="SecondFactorMinutes">Minutes since the second factor was verified, or -1.</param>
public readonly record struct FactorVerificationAge(int FirstFactorMinutes, int SecondFactorMinutes)
{
    /// <summary>Whether the first factor was verified within the last <paramref name="minutes"/> minutes.</summary>
    public bool FirstFactorVerifiedWithin(int minutes) => FirstFactorMinutes >= 0 && FirstFactorMinutes < minutes;

    /// <summary>Whether the second factor was verified within the last <paramref name="minutes"/> minutes.</summary>
    public bool SecondFactorVerifiedWithin(int minutes) => SecondFactorMinutes >= 0 && SecondFactorMinutes < minutes;
}
