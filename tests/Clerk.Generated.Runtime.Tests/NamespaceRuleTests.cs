using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Clerk.Generated.Runtime.Tests;

/// <summary>
/// Holds the runtime libraries to the rule README.md states: a file in folder <c>X/</c> of a library is in namespace
/// <c>Clerk.Generated.X</c>, a file at a library's root is in the library's root namespace, and the one exception,
/// classes of extension methods on <c>IServiceCollection</c> and its builders, is in
/// <c>Microsoft.Extensions.DependencyInjection</c> (and nothing else is).
/// </summary>
public sealed partial class NamespaceRuleTests
{
    private const string DependencyInjection = "Microsoft.Extensions.DependencyInjection";

    [Test]
    public void Every_runtime_source_file_is_in_the_namespace_its_folder_names()
    {
        var runtime = Path.Combine(RepoRoot(), "runtime");
        var libraries = System.IO.Directory.GetDirectories(runtime).Where(d => File.Exists(ProjectFile(d))).ToArray();
        var violations = new List<string>();
        var checkedFiles = 0;

        foreach (var library in libraries)
        {
            var rootNamespace = XDocument.Load(ProjectFile(library)).Descendants("RootNamespace").Single().Value;
            foreach (var file in SourceFiles(library))
            {
                checkedFiles++;
                var relative = Path.GetRelativePath(runtime, file).Replace('\\', '/');
                var declared = NamespaceDeclaration().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToArray();
                var expected = ExpectedNamespace(library, file, rootNamespace);
                if (declared.Length != 1 || declared[0] != expected)
                {
                    violations.Add($"{relative}: declares [{string.Join(", ", declared)}], expected {expected}");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(libraries.Select(Path.GetFileName), Is.SupersetOf(new[]
            {
                "Clerk.Generated.Runtime", "Clerk.Generated.AspNetCore", "Clerk.Generated.Testing", "Clerk.Generated.Redis",
            }));
            Assert.That(checkedFiles, Is.GreaterThan(100));
            Assert.That(violations, Is.Empty);
        });
    }

    [TestCase("Clerk.Generated.Runtime/Http/ClerkRequest.cs", "class ClerkRequest", ExpectedResult = "Clerk.Generated.Http")]
    [TestCase("Clerk.Generated.Runtime/Tokens/Jwks/JwksCache.cs", "class JwksCache", ExpectedResult = "Clerk.Generated.Tokens.Jwks")]
    [TestCase("Clerk.Generated.AspNetCore/Guards/ClerkJwtParameter.cs", "class ClerkJwtParameter", ExpectedResult = "Clerk.Generated.Guards")]
    [TestCase("Clerk.Generated.Redis/RedisScripts.cs", "class RedisScripts", ExpectedResult = "Clerk.Generated.Redis")]
    [TestCase("Clerk.Generated.Runtime/DependencyInjection/X.cs", "static void Add(this IServiceCollection services)", ExpectedResult = DependencyInjection)]
    [TestCase("Clerk.Generated.AspNetCore/Authentication/X.cs", "static void Add(this AuthenticationBuilder builder)", ExpectedResult = DependencyInjection)]
    public string The_rule_maps_folders_and_service_registration(string path, string source)
    {
        var library = Path.Combine("runtime", path.Split('/')[0]);
        var file = Path.Combine("runtime", path);
        return ExpectedNamespace(library, file, Path.GetFileName(library), source);
    }

    private static string ExpectedNamespace(string library, string file, string rootNamespace) =>
        ExpectedNamespace(library, file, rootNamespace, File.ReadAllText(file));

    private static string ExpectedNamespace(string library, string file, string rootNamespace, string source)
    {
        if (ServiceRegistration().IsMatch(source))
        {
            return DependencyInjection;
        }

        var folder = Path.GetRelativePath(library, Path.GetDirectoryName(file)!).Replace('\\', '/');
        return folder == "." ? rootNamespace : "Clerk.Generated." + folder.Replace('/', '.');
    }

    private static IEnumerable<string> SourceFiles(string library) =>
        System.IO.Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(library, f).Split(Path.DirectorySeparatorChar).Any(p => p is "obj" or "bin"));

    private static string ProjectFile(string library) => Path.Combine(library, Path.GetFileName(library) + ".csproj");

    private static string RepoRoot() =>
        typeof(NamespaceRuleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"\(\s*this\s+(IServiceCollection|AuthenticationBuilder|IHealthChecksBuilder)\b")]
    private static partial Regex ServiceRegistration();
}
