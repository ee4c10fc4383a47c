namespace Clerk.Generated.Authorization;

/// <summary>Which factor verifications a step-up check looks at (Clerk's reverification levels).</summary>
public enum ClerkFactorLevel
{
    /// <summary>The first factor (password, e-mail code, …) verified recently enough.</summary>
    FirstFactor,

    /// <summary>The second factor verified recently enough.</summary>
    SecondFactor,

    /// <summary>The first or the second factor verified recently enough.</summary>
    FirstOrSecondFactor,

    /// <summary>Both factors verified recently enough.</summary>
    MultiFactor,
}
