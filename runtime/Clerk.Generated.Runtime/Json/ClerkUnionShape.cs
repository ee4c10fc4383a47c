namespace Clerk.Generated.Json;

/// <summary>What an object must have (and may have) to be one case of a union without a discriminator.</summary>
/// <param name="Required">Properties the case requires.</param>
/// <param name="Known">Every property the case declares.</param>
public sealed record ClerkUnionShape(string[] Required, string[] Known);
