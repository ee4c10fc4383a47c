using Clerk.Generated.Conformance.Tests.Operations;
using Clerk.Generated.Conformance.Tests.Prism;
using Clerk.Generated.Conformance.Tests.Spec;

namespace Clerk.Generated.Conformance.Tests;

/// <summary>
/// Every operation of <see cref="ClerkEndpoints.All"/> called through its generated method, with arguments built
/// from the spec, against Prism validating each request: first with the spec's examples as responses, then with
/// responses Prism generates from the schemas.
/// </summary>
public sealed class GeneratedClientConformanceTests
{
    private const int DynamicRounds = 3;

    // JsonNode trees materialise lazily and are not safe to read from two threads: each test loads its own.
    private static SpecDocument LoadSpec() => SpecDocument.Load(RepositoryPaths.SpecJson);

    private static readonly Lazy<IReadOnlyList<GeneratedMethod>> DiscoveredMethods = new(() =>
        GeneratedClientCatalog.Discover(typeof(ClerkClient), ClerkEndpoints.All.Select(e => e.OperationId).ToHashSet(StringComparer.Ordinal)));

    private static IReadOnlyList<GeneratedMethod> Methods => DiscoveredMethods.Value;

    [Test]
    public void The_catalogue_matches_the_spec()
    {
        var catalogue = ClerkEndpoints.All.Select(e => (e.OperationId, e.Method, e.PathTemplate)).OrderBy(e => e.OperationId).ToArray();
        var document = LoadSpec();
        var spec = document.Operations.Values.Select(o => (o.OperationId, o.Method, o.Path)).OrderBy(e => e.OperationId).ToArray();

        Assert.That(catalogue, Is.EqualTo(spec));
        Assert.That(document.Version, Is.EqualTo(ClerkApiInfo.Version), "the client sends the version of the spec it was generated from");
    }

    [Test]
    public void Every_operation_has_a_generated_method()
    {
        var covered = Methods.Select(m => m.OperationId).ToHashSet(StringComparer.Ordinal);
        var missing = ClerkEndpoints.All.Where(e => !covered.Contains(e.OperationId)).Select(e => e.OperationId).ToArray();

        TestContext.Out.WriteLine($"generated methods: {Methods.Count} ({Methods.Count(m => m.IsPaging)} paging) for {covered.Count} of {ClerkEndpoints.All.Count} operations");
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Every_limit_and_offset_operation_has_a_paging_companion()
    {
        var paged = LoadSpec().Operations.Values
            .Where(o => o.Parameters.Any(p => p.Name == "limit") && o.Parameters.Any(p => p.Name == "offset"))
            .Select(o => o.OperationId)
            .ToArray();
        var companions = Methods.Where(m => m.IsPaging).Select(m => m.OperationId).ToHashSet(StringComparer.Ordinal);

        TestContext.Out.WriteLine($"limit/offset operations: {paged.Length}, with a ListAll companion: {paged.Count(companions.Contains)}");
        Assert.That(paged.Where(id => !companions.Contains(id)), Is.Empty);
    }

    [Test]
    public async Task Static_responses_every_operation_sends_what_the_spec_allows_and_reads_what_comes_back()
    {
        var report = await RunAsync(await PrismServers.Static, rounds: 1, includePaging: true, "Prism static (the spec's examples)");

        Assert.Multiple(() =>
        {
            Assert.That(report.OperationsCalled, Is.EqualTo(ClerkEndpoints.All.Count), "operations called");
            Assert.That(report.WithRequestViolations.Select(o => o.ToString()), Is.Empty, "request violations");
            Assert.That(report.Where(CallResult.DeserializationFailure).Select(o => o.ToString()), Is.Empty, "deserialization failures");
            Assert.That(report.Where(CallResult.ArgumentFailure).Select(o => o.ToString()), Is.Empty, "argument failures");
            Assert.That(report.Where(CallResult.ErrorStatus).Select(o => o.ToString()), Is.Empty, "error statuses");
            Assert.That(report.Where(CallResult.Crash).Select(o => o.ToString()), Is.Empty, "crashes");
        });
    }

    [Test]
    public async Task Dynamic_responses_every_operation_reads_generated_data_several_times()
    {
        var report = await RunAsync(await PrismServers.Dynamic, rounds: DynamicRounds, includePaging: false, $"Prism dynamic (-d, seeded), {DynamicRounds} rounds");

        Assert.Multiple(() =>
        {
            Assert.That(report.OperationsCalled, Is.EqualTo(ClerkEndpoints.All.Count), "operations called");
            Assert.That(report.WithRequestViolations.Select(o => o.ToString()), Is.Empty, "request violations");
            Assert.That(report.Where(CallResult.DeserializationFailure).Select(o => o.ToString()), Is.Empty, "deserialization failures");
            Assert.That(report.Where(CallResult.Crash).Select(o => o.ToString()), Is.Empty, "crashes");
        });
    }

    private static async Task<ConformanceReport> RunAsync(PrismServer server, int rounds, bool includePaging, string title)
    {
        using var prism = new PrismClient(server);
        var client = new ClerkClient(prism.HttpClient, prism.Options);
        var runner = new OperationRunner(client, prism.Handler, new ArgumentFactory(LoadSpec()));
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var outcomes = new List<CallOutcome>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var method in Methods.Where(m => includePaging || !m.IsPaging))
            {
                outcomes.Add(await runner.CallAsync(method, budget.Token));
            }
        }

        var report = new ConformanceReport(title, outcomes);
        TestContext.Out.WriteLine(report.Render());
        return report;
    }
}
