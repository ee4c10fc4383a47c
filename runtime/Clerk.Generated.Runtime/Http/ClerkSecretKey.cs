namespace Clerk.Generated.Http;

/// <summary>The shape of a Clerk secret key, checked without revealing it.</summary>
internal static class ClerkSecretKey
{
    private const string TestPrefix = "sk_test_";
    private const string LivePrefix = "sk_live_";

    /// <summary>Whether <paramref name="key"/> is <c>sk_test_</c> or <c>sk_live_</c> followed by at least one URL-safe key character.</summary>
    public static bool IsWellFormed(string key)
    {
        var prefixLength = key.StartsWith(TestPrefix, StringComparison.Ordinal) ? TestPrefix.Length
            : key.StartsWith(LivePrefix, StringComparison.Ordinal) ? LivePrefix.Length
            : -1;
        if (prefixLength < 0 || key.Length == prefixLength)
        {
            return false;
        }

        foreach (var c in key.AsSpan(prefixLength))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
