using System.Globalization;

namespace Clerk.Generated.Fuzzing;

/// <summary>
/// How long the fuzzers run: <c>CLERK_FUZZ_SCALE</c> multiplies every count (default 1, the CI run, a couple of
/// minutes for all fuzzers together); <c>CLERK_FUZZ_SEED</c> changes the seed (default fixed, so CI is repeatable).
/// </summary>
internal static class FuzzScale
{
    public static int Factor =>
        int.TryParse(Environment.GetEnvironmentVariable("CLERK_FUZZ_SCALE"), NumberStyles.None, CultureInfo.InvariantCulture, out var scale) && scale > 0
            ? scale
            : 1;

    public static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("CLERK_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : 20260512;

    public static int Scaled(int count) => checked(count * Factor);
}
