using BenchmarkDotNet.Running;
using Clerk.Generated.Benchmarks.Tokens;

if (args is ["--interleaved-tokens"])
{
    InterleavedTokenValidation.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
