namespace Clerk.Generated.Http;

/// <summary>
/// The options cannot make a client for <see cref="ApiKind"/>: <see cref="Failures"/> says what to set or fix, one
/// message per problem, and never quotes a key or token.
/// </summary>
public sealed class ClerkClientOptionsException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="apiKind">The API the client was generated for.</param>
    /// <param name="failures">What is wrong, one message per problem.</param>
    public ClerkClientOptionsException(ClerkApiKind apiKind, IReadOnlyList<string> failures)
        : base($"Invalid Clerk client options for the {apiKind} API: " + string.Join(" ", failures ?? throw new ArgumentNullException(nameof(failures))), "options")
    {
        ApiKind = apiKind;
        Failures = failures;
    }

    /// <summary>The API the client was generated for.</summary>
    public ClerkApiKind ApiKind { get; }

    /// <summary>What is wrong, one message per problem.</summary>
    public IReadOnlyList<string> Failures { get; }
}
