using Clerk.Generated.Tokens;

namespace Clerk.Generated.Authorization;

/// <summary>The session is entitled to a feature (<c>reports</c>, <c>user:reports</c>, <c>org:reports</c>), as <see cref="ClerkJwt.HasFeature"/>.</summary>
public sealed class ClerkFeatureRequirement : ClerkAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    public ClerkFeatureRequirement(string feature)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feature);
        Feature = feature;
    }

    /// <summary>The required feature.</summary>
    public string Feature { get; }

    /// <inheritdoc />
    public override bool IsSatisfiedBy(ClerkJwt jwt) => jwt.HasFeature(Feature);

    /// <inheritdoc />
    public override string Describe() => $"feature {Feature}";
}
