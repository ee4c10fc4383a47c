using System.Security;
using Clerk.Generated.Generator.Tests.Support;
using Clerk.Generated.Tests.Shared;

namespace Clerk.Generated.Generator.Tests;

/// <summary>
/// The spec item's metadata as users write it, through a real <c>dotnet build</c>: MSBuild's generated
/// .editorconfig is what carries <c>ClerkSpec</c>, <c>ClerkNamespace</c>, <c>ClerkTags</c> and
/// <c>ClerkTypeVisibility</c> to the generator, and it treats <c>;</c> as the start of a comment. One consumer project
/// (generator and runtime referenced as spec/UseClerkGenerator.props does, the metadata wiring imported from
/// spec/build/Clerk.Generated.props as the package does) holds one spec item per case; it builds, runs, and prints
/// every generated group class with its visibility.
/// </summary>
[NonParallelizable]
public sealed class MsBuildConsumerTests
{
    private static readonly Lazy<Task<(string Build, string[] Groups)>> Consumer = new(BuildAndRunAsync);

    [Test]
    public async Task ClerkTags_separated_by_semicolons_generate_every_named_group()
    {
        var (_, groups) = await Consumer.Value;

        Assert.That(groups.Where(g => g.StartsWith("Consumer.Semicolon.", StringComparison.Ordinal)),
            Is.EquivalentTo(new[] { "Consumer.Semicolon.OrganizationsApi public", "Consumer.Semicolon.UsersApi public" }));
    }

    [Test]
    public async Task ClerkTags_separated_by_commas_with_ClerkTypeVisibility_internal_generate_internal_groups()
    {
        var (_, groups) = await Consumer.Value;

        Assert.That(groups.Where(g => g.StartsWith("Consumer.Comma.", StringComparison.Ordinal)),
            Is.EquivalentTo(new[] { "Consumer.Comma.DomainsApi internal", "Consumer.Comma.UsersApi internal" }));
    }

    [Test]
    public async Task Without_ClerkNamespace_or_ClerkTags_every_group_is_generated_in_the_default_namespace()
    {
        var (_, groups) = await Consumer.Value;

        Assert.That(groups.Where(g => g.StartsWith("Clerk.Generated.", StringComparison.Ordinal)),
            Is.EquivalentTo(new[] { "Clerk.Generated.DomainsApi public", "Clerk.Generated.OrganizationsApi public", "Clerk.Generated.UsersApi public" }));
    }

    [Test]
    public async Task An_unknown_ClerkSpec_value_is_reported_and_a_false_one_is_ignored()
    {
        var (build, groups) = await Consumer.Value;

        Assert.That(build, Does.Contain("unknown-kind.yml").And.Contain("CLERKGEN009").And.Contain("ClerkSpec 'graphql' is not valid"));
        Assert.That(groups, Has.Length.EqualTo(7), "only the three items above generate groups");
    }

    private static async Task<(string Build, string[] Groups)> BuildAndRunAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "clerk-msbuild-consumer-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        try
        {
            WriteConsumer(directory);
            var build = await ChildProcess.DotnetAsync(directory, TimeSpan.FromMinutes(5), "build", "-c", "Release", "-nologo");
            Assert.That(build.ExitCode, Is.Zero, "The consumer did not build:\n" + build.Output);

            var run = await ChildProcess.DotnetAsync(directory, TimeSpan.FromMinutes(1), Path.Combine(directory, "bin", "Release", "net10.0", "Consumer.dll"));
            Assert.That(run.ExitCode, Is.Zero, run.Output);
            return (build.Output, run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void WriteConsumer(string directory)
    {
        foreach (var name in new[] { "semicolon", "comma", "default", "unknown-kind", "off" })
        {
            File.Copy(Path.Combine(RepositoryPaths.FixturesDir, "msbuild-tags.yml"), Path.Combine(directory, name + ".yml"));
        }

        // Nothing from the folders above the temp folder; CLERKGEN009 lowered to a warning so one build shows it.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, ".globalconfig"), "is_global = true\ndotnet_diagnostic.CLERKGEN009.severity = warning\n");
        var repo = SecurityElement.Escape(RepositoryPaths.RepoRoot.TrimEnd('/') + "/");
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{repo}spec/build/Clerk.Generated.props" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{repo}generator/Clerk.Generated.Generator/Clerk.Generated.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{repo}runtime/Clerk.Generated.Runtime/Clerk.Generated.Runtime.csproj" />
                <AdditionalFiles Include="semicolon.yml" ClerkSpec="true" ClerkNamespace="Consumer.Semicolon" ClerkTags="Users;Organizations" />
                <AdditionalFiles Include="comma.yml" ClerkSpec="bapi" ClerkNamespace="Consumer.Comma" ClerkTags="Users, Domains" ClerkTypeVisibility="internal" />
                <AdditionalFiles Include="default.yml" ClerkSpec="TRUE" />
                <AdditionalFiles Include="unknown-kind.yml" ClerkSpec="graphql" ClerkNamespace="Consumer.Unknown" />
                <AdditionalFiles Include="off.yml" ClerkSpec="false" ClerkNamespace="Consumer.Off" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            var groups = typeof(Program).Assembly.GetTypes()
                .Where(t => t.IsClass && !t.IsNested && t.Name.EndsWith("Api", StringComparison.Ordinal))
                .Select(t => t.FullName + (t.IsPublic ? " public" : " internal"))
                .Order(StringComparer.Ordinal);
            foreach (var group in groups)
            {
                Console.WriteLine(group);
            }
            """);
    }
}
