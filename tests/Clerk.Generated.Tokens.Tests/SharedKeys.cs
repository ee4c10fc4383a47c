using Clerk.Generated.Testing;

namespace Clerk.Generated.Tokens.Tests;

/// <summary>RSA key generation costs tens of milliseconds; tests share a few keys for the whole run.</summary>
internal static class SharedKeys
{
    public static ClerkTestKey Primary { get; } = ClerkTestKey.Generate("ins_test_primary");

    public static ClerkTestKey Secondary { get; } = ClerkTestKey.Generate("ins_test_secondary");
}
