using System.Diagnostics;

namespace Clerk.Generated.Benchmarks;

/// <summary>
/// Measures contenders alternately: each round times a short batch of every contender, in a shuffled order, and
/// compares it with the baseline's batch (the first contender) of the same round. BenchmarkDotNet measures one
/// benchmark after another, so on a machine whose load changes during the run a ratio swings by more than the
/// difference being measured; batches taken side by side see the same load. Prints, per contender, the median time
/// and the median, 25th and 75th percentiles of the per-round ratios.
/// </summary>
internal static class InterleavedRun
{
    public static void Run((string Name, Action Operation)[] contenders, int rounds, int warmupRounds, int operationsPerBatch)
    {
        var nanoseconds = Measure(contenders, rounds, warmupRounds, operationsPerBatch);
        Console.WriteLine($"{rounds} rounds of {operationsPerBatch} operations per contender, order shuffled per round");
        Console.WriteLine($"{"contender",-48} {"median ns/op",13} {"ratio: median",14} {"p25",7} {"p75",7}");
        for (var c = 0; c < contenders.Length; c++)
        {
            var ratios = nanoseconds[c].Zip(nanoseconds[0], (own, baseline) => own / baseline).Order().ToArray();
            Console.WriteLine(
                $"{contenders[c].Name,-48} {Percentile(nanoseconds[c].Order().ToArray(), 0.5),13:F0} "
                + $"{Percentile(ratios, 0.5),14:F3} {Percentile(ratios, 0.25),7:F3} {Percentile(ratios, 0.75),7:F3}");
        }
    }

    /// <summary>Nanoseconds per operation, per contender, per measured round.</summary>
    private static double[][] Measure((string Name, Action Operation)[] contenders, int rounds, int warmupRounds, int operationsPerBatch)
    {
        var nanoseconds = contenders.Select(_ => new double[rounds]).ToArray();
        var order = Enumerable.Range(0, contenders.Length).ToArray();
        var random = new Random(20261202);
        for (var round = -warmupRounds; round < rounds; round++)
        {
            random.Shuffle(order);
            foreach (var c in order)
            {
                var operation = contenders[c].Operation;
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < operationsPerBatch; i++)
                {
                    operation();
                }

                if (round >= 0)
                {
                    nanoseconds[c][round] = Stopwatch.GetElapsedTime(start).TotalNanoseconds / operationsPerBatch;
                }
            }
        }

        return nanoseconds;
    }

    private static double Percentile(double[] sorted, double fraction) => sorted[(int)(fraction * (sorted.Length - 1))];
}
