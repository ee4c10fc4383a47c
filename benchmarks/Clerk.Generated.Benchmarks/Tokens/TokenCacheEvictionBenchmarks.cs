using BenchmarkDotNet.Attributes;
using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;

namespace Clerk.Generated.Benchmarks.Tokens;

/// <summary>
/// The cost of caching one new validated token when the cache has room (baseline) and when it is full at
/// <see cref="Capacity"/> entries: with O(1) amortized eviction the two are close, however large the cache.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class TokenCacheEvictionBenchmarks
{
    private const int FreshTokens = 1 << 20;

    private ValidatedTokenCache _withRoom = null!;
    private ValidatedTokenCache _full = null!;
    private ClerkTokenValidationResult _result = null!;
    private string[] _fresh = [];
    private int _next;

    [Params(10_000)]
    public int Capacity { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using var key = ClerkTestKey.Generate("ins_2benchmarkKey000000000000");
        using var tokens = new ClerkTestTokens(key);
        _result = new ClerkTokenValidator(tokens.Keys).ValidateAsync(tokens.Mint()).AsTask().GetAwaiter().GetResult();
        if (!_result.IsValid)
        {
            throw new InvalidOperationException("The benchmark token must validate.");
        }

        _fresh = Enumerable.Range(0, FreshTokens).Select(i => "token-" + i).ToArray();
        _withRoom = new ValidatedTokenCache(int.MaxValue, TimeProvider.System);
        _full = new ValidatedTokenCache(Capacity, TimeProvider.System);
        for (var i = 0; i < Capacity; i++)
        {
            _full.Add("filler-" + i, _result);
        }
    }

    [Benchmark(Baseline = true, Description = "new token, cache with room")]
    public void AddWithRoom() => _withRoom.Add(_fresh[_next++ & (FreshTokens - 1)], _result);

    [Benchmark(Description = "new token, cache full")]
    public void AddWhenFull() => _full.Add(_fresh[_next++ & (FreshTokens - 1)], _result);
}
