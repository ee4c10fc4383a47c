using BenchmarkDotNet.Running;
using Clerk.Generated.Benchmarks.Serialization;
using Clerk.Generated.Benchmarks.Tokens;

if (args is ["--interleaved-tokens"])
{
    InterleavedTokenValidation.Run();
    return;
}

if (args is ["--interleaved-user-page"])
{
    InterleavedUserPageDeserialization.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
