namespace Clerk.Generated.AspNetCore;

/// <summary>Identifies the <c>Clerk.Generated.AspNetCore</c> assembly.</summary>
internal static class AssemblyMarker
{
}
