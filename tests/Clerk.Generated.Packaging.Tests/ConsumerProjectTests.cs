using System.Security;

namespace Clerk.Generated.Packaging.Tests;

/// <summary>
/// A fresh project that knows nothing of this repository: its own nuget.config (the local feed first, then
/// nuget.org), one PackageReference, one AdditionalFiles line. If it builds and prints the size of the endpoint
/// catalogue, the package alone carries the generator, its dependencies, the runtime and the metadata wiring.
/// </summary>
public sealed class ConsumerProjectTests
{
    [Test]
    public async Task A_fresh_consumer_builds_from_the_package_and_sees_every_operation()
    {
        var package = PackedPackage.Current;
        var consumer = Path.Combine(package.WorkDirectory, "consumer");
        Directory.CreateDirectory(consumer);
        WriteConsumer(consumer, package);

        var build = await DotnetCli.RunAsync(consumer, TimeSpan.FromMinutes(6),
            "build", "-c", "Release", "-p:UseSharedCompilation=false", "-nologo");
        Assert.That(build.ExitCode, Is.Zero, "The consumer did not build:\n" + build.Output);

        var run = await DotnetCli.RunAsync(consumer, TimeSpan.FromMinutes(1),
            Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll"));
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Is.EqualTo(new[] { "User", "249" }));
    }

    [Test]
    public async Task The_compiler_driver_cache_is_enabled_only_when_the_consumer_opts_in()
    {
        var package = PackedPackage.Current;
        var consumer = Path.Combine(package.WorkDirectory, "consumer-driver-cache");
        Directory.CreateDirectory(consumer);
        WriteConsumer(consumer, package);
        var restore = await DotnetCli.RunAsync(consumer, TimeSpan.FromMinutes(4), "restore", "-nologo");
        Assert.That(restore.ExitCode, Is.Zero, restore.Output);

        var byDefault = await DotnetCli.RunAsync(consumer, TimeSpan.FromMinutes(2), "msbuild", "-getProperty:Features", "-nologo");
        var optedIn = await DotnetCli.RunAsync(consumer, TimeSpan.FromMinutes(2), "msbuild", "-getProperty:Features", "-p:ClerkGeneratorDriverCache=true", "-nologo");

        Assert.Multiple(() =>
        {
            Assert.That(byDefault.ExitCode, Is.Zero, byDefault.Output);
            Assert.That(byDefault.Output, Does.Not.Contain("enable-generator-cache"));
            Assert.That(optedIn.ExitCode, Is.Zero, optedIn.Output);
            Assert.That(optedIn.Output, Does.Contain("enable-generator-cache"));
        });
    }

    private static void WriteConsumer(string directory, PackedPackage package)
    {
        // Stops MSBuild from picking up a Directory.Build.props or Directory.Packages.props above the temp folder.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{SecurityElement.Escape(package.FeedDirectory)}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Clerk.Generated" Version="{package.Version}" />
                <AdditionalFiles Include="{SecurityElement.Escape(RepositoryPaths.SpecFile)}" ClerkSpec="true" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using Clerk.Generated;
            using Clerk.Generated.Runtime;

            var client = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_consumer" });
            Console.WriteLine(ClerkJsonContext.Default.User.Type.Name);
            Console.WriteLine(ClerkEndpoints.All.Count);
            GC.KeepAlive(client);
            """);
    }
}
