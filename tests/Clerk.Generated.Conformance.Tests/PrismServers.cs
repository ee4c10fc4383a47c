using Clerk.Generated.Conformance.Tests.Prism;

namespace Clerk.Generated.Conformance.Tests;

/// <summary>
/// The two Prism servers every test of this assembly shares, started once in parallel: static (answers with the
/// spec's examples) and dynamic (answers with data generated from the schemas, seeded).
/// </summary>
[SetUpFixture]
public sealed class PrismServers
{
    // Disposed in Stop, once awaited: the analyzer cannot see through the task.
#pragma warning disable NUnit1032
    private static Task<PrismServer>? s_static;
    private static Task<PrismServer>? s_dynamic;
#pragma warning restore NUnit1032

    public static Task<PrismServer> Static => s_static ?? throw new InvalidOperationException("Prism was not started.");

    public static Task<PrismServer> Dynamic => s_dynamic ?? throw new InvalidOperationException("Prism was not started.");

    [OneTimeSetUp]
    public void Start()
    {
        s_static = PrismServer.StartAsync(RepositoryPaths.SpecYaml, dynamic: false);
        s_dynamic = PrismServer.StartAsync(RepositoryPaths.SpecYaml, dynamic: true);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        foreach (var server in new[] { s_static, s_dynamic })
        {
            if (server is not null)
            {
                try
                {
                    await (await server).DisposeAsync();
                }
                catch (PrismStartException)
                {
                    // Reported by the tests that needed it.
                }
            }
        }
    }
}
