namespace Clerk.Generated.Benchmarks.Serialization;

/// <summary>The rows of <see cref="UserPageDeserializationBenchmarks"/>, measured alternately (<see cref="InterleavedRun"/>).</summary>
internal static class InterleavedUserPageDeserialization
{
    public static void Run()
    {
        var benchmarks = new UserPageDeserializationBenchmarks();
        benchmarks.Setup();
        InterleavedRun.Run(
            [
                ("STJ source generator (baseline)", () => benchmarks.SystemTextJsonSourceGenerated()),
                ("Generated converters", () => benchmarks.Generated()),
            ],
            rounds: 400,
            warmupRounds: 20,
            operationsPerBatch: 2);
    }
}
