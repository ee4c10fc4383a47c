namespace Clerk.Generated.Benchmarks.Tokens;

/// <summary>The token rows of <see cref="TokenValidationBenchmarks"/>, measured alternately (<see cref="InterleavedRun"/>).</summary>
internal static class InterleavedTokenValidation
{
    public static void Run()
    {
        var benchmarks = new TokenValidationBenchmarks();
        benchmarks.Setup();
        try
        {
            InterleavedRun.Run(
                [
                    ("RSA-2048 verify of the token as sent (floor)", () => benchmarks.RawRsaVerify()),
                    ("RSA-2048 VerifyData, inputs decoded in advance", () => benchmarks.PreDecodedRsaVerify()),
                    ("ClerkTokenValidator, cold", () => benchmarks.OursCold().GetAwaiter().GetResult()),
                    ("JsonWebTokenHandler.ValidateTokenAsync (peer)", () => benchmarks.PeerJsonWebTokenHandler().GetAwaiter().GetResult()),
                ],
                rounds: 2000,
                warmupRounds: 50,
                operationsPerBatch: 32);
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }
}
