using System.Reflection;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace Clerk.Generated.Generator.Tests.Support;

/// <summary>
/// What generated code is compiled against in memory: the shared framework this test runs on (from the trusted
/// platform assemblies) plus Clerk.Generated.Runtime and the Microsoft.Extensions assemblies it builds on. Test-only
/// assemblies (NUnit, Roslyn, the test platform) stay out, so a type the generated code uses by mistake from one of
/// them fails the compile instead of passing unnoticed.
/// </summary>
internal static class CompilationReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> Lazy = new(Load);

    public static IReadOnlyList<MetadataReference> All => Lazy.Value;

    private static IReadOnlyList<MetadataReference> Load()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var byName = trusted
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in trusted.Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDir, StringComparison.Ordinal)))
        {
            if (HasMetadata(path))
            {
                paths.Add(path);
            }
        }

        // The runtime and everything it references, transitively, from wherever the test host resolved them.
        var pending = new Stack<AssemblyName>();
        pending.Push(typeof(global::Clerk.Generated.Http.ClerkHttpTransport).Assembly.GetName());
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!seen.Add(name.Name!) || !byName.TryGetValue(name.Name!, out var path) ||
                string.Equals(Path.GetDirectoryName(path), frameworkDir, StringComparison.Ordinal))
            {
                continue;
            }

            paths.Add(path);
            foreach (var reference in Assembly.Load(name).GetReferencedAssemblies())
            {
                pending.Push(reference);
            }
        }

        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    private static bool HasMetadata(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
