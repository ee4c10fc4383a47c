namespace Clerk.Generated.Runtime;

/// <summary>Identifies the <c>Clerk.Generated.Runtime</c> assembly.</summary>
internal static class AssemblyMarker
{
}
