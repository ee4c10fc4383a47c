namespace Clerk.Generated.Testing;

/// <summary>Identifies the <c>Clerk.Generated.Testing</c> assembly.</summary>
internal static class AssemblyMarker
{
}
