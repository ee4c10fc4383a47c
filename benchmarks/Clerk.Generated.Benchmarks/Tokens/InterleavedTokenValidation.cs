using System.Diagnostics;

namespace Clerk.Generated.Benchmarks.Tokens;

/// <summary>
/// The token rows of <see cref="TokenValidationBenchmarks"/> measured alternately: each round times a short batch of
/// every contender, in a shuffled order, and compares it with the floor's batch of the same round. BenchmarkDotNet
/// measures one benchmark after another, so on a machine whose load changes during the run the ratio swings by more
/// than the few percent the validator adds to the floor; batches taken side by side see the same load.
/// </summary>
internal static class InterleavedTokenValidation
{
    private const int Rounds = 2000;
    private const int WarmupRounds = 50;
    private const int OperationsPerBatch = 32;

    public static void Run()
    {
        var benchmarks = new TokenValidationBenchmarks();
        benchmarks.Setup();
        try
        {
            (string Name, Action Operation)[] contenders =
            [
                ("RSA-2048 verify of the token as sent (floor)", () => benchmarks.RawRsaVerify()),
                ("RSA-2048 VerifyData, inputs decoded in advance", () => benchmarks.PreDecodedRsaVerify()),
                ("ClerkTokenValidator, cold", () => benchmarks.OursCold().GetAwaiter().GetResult()),
                ("JsonWebTokenHandler.ValidateTokenAsync (peer)", () => benchmarks.PeerJsonWebTokenHandler().GetAwaiter().GetResult()),
            ];
            var nanoseconds = Measure(contenders);
            Console.WriteLine($"{Rounds} rounds of {OperationsPerBatch} operations per contender, order shuffled per round");
            Console.WriteLine($"{"contender",-48} {"median ns/op",13} {"ratio: median",14} {"p25",7} {"p75",7}");
            for (var c = 0; c < contenders.Length; c++)
            {
                var ratios = nanoseconds[c].Zip(nanoseconds[0], (own, floor) => own / floor).Order().ToArray();
                Console.WriteLine(
                    $"{contenders[c].Name,-48} {Percentile(nanoseconds[c].Order().ToArray(), 0.5),13:F0} "
                    + $"{Percentile(ratios, 0.5),14:F3} {Percentile(ratios, 0.25),7:F3} {Percentile(ratios, 0.75),7:F3}");
            }
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    /// <summary>Nanoseconds per operation, per contender, per measured round.</summary>
    private static double[][] Measure((string Name, Action Operation)[] contenders)
    {
        var nanoseconds = contenders.Select(_ => new double[Rounds]).ToArray();
        var order = Enumerable.Range(0, contenders.Length).ToArray();
        var random = new Random(20261202);
        for (var round = -WarmupRounds; round < Rounds; round++)
        {
            random.Shuffle(order);
            foreach (var c in order)
            {
                var operation = contenders[c].Operation;
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < OperationsPerBatch; i++)
                {
                    operation();
                }

                if (round >= 0)
                {
                    nanoseconds[c][round] = Stopwatch.GetElapsedTime(start).TotalNanoseconds / OperationsPerBatch;
                }
            }
        }

        return nanoseconds;
    }

    private static double Percentile(double[] sorted, double fraction) => sorted[(int)(fraction * (sorted.Length - 1))];
}
