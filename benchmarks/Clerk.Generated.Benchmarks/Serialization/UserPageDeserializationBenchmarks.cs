using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Clerk.Generated.Benchmarks.Serialization.Baseline;

namespace Clerk.Generated.Benchmarks.Serialization;

/// <summary>
/// Deserializing a page of 100 users (<c>GET /users</c> as Prism's dynamic mode fakes it from the spec: every
/// nested list, union and metadata map filled) through the generated <c>ClerkJsonContext</c>, against
/// System.Text.Json's own source generator on plain classes of the same shape (the baseline).
/// Target: within 1.0x of the baseline in time and allocations.
/// </summary>
[MemoryDiagnoser]
public class UserPageDeserializationBenchmarks
{
    private byte[] _page = [];

    [GlobalSetup]
    public void Setup()
    {
        _page = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Serialization", "Fixtures", "users-page-100.json"));
        var ours = Generated();
        var baseline = SystemTextJsonSourceGenerated();
        if (ours.Count != 100 || baseline.Count != 100)
        {
            throw new InvalidOperationException($"Benchmark setup: expected 100 users, read {ours.Count} and {baseline.Count}.");
        }

        for (var i = 0; i < ours.Count; i++)
        {
            if (ours[i].Id != baseline[i].Id || ours[i].EmailAddresses.Count != baseline[i].EmailAddresses.Count)
            {
                throw new InvalidOperationException($"Benchmark setup: user {i} reads differently through the two serializers.");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<BaselineUser> SystemTextJsonSourceGenerated() =>
        JsonSerializer.Deserialize(_page, BaselineJsonContext.Default.IReadOnlyListBaselineUser)!;

    [Benchmark]
    public IReadOnlyList<User> Generated() =>
        JsonSerializer.Deserialize(_page, ClerkJsonContext.Default.ListOfUser)!;
}
