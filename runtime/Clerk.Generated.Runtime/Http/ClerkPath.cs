namespace Clerk.Generated.Http;

/// <summary>Builds request paths from user-supplied values.</summary>
public static class ClerkPath
{
    /// <summary>
    /// Escapes one path segment as RFC 3986 requires (<see cref="Uri.EscapeDataString(string)"/> semantics), so a
    /// value such as <c>a/b</c> or <c>..</c> can never change which resource a request addresses.
    /// </summary>
    /// <param name="segment">The raw segment value, for example a user id.</param>
    /// <returns>The escaped segment.</returns>
    /// <exception cref="ArgumentException">The segment is null or empty.</exception>
    public static string Escape(string segment)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        // "." and ".." are unreserved, so EscapeDataString keeps them; as whole segments they would be
        // normalised away by URI resolution and address a different resource.
        return segment switch
        {
            "." => "%2E",
            ".." => "%2E%2E",
            _ => Uri.EscapeDataString(segment),
        };
    }
}
