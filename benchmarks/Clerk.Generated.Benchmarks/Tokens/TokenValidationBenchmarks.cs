using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Clerk.Generated.Tokens.Jwks;
using Clerk.Generated.Testing;
using Clerk.Generated.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Clerk.Generated.Benchmarks.Tokens;

/// <summary>
/// Validating one realistic Clerk session token (v2 claims with an organization, 2048-bit key):
/// <list type="bullet">
/// <item>the floor: <see cref="RSA.VerifyData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, HashAlgorithmName, RSASignaturePadding)"/>
/// on the already-decoded signing input and signature, i.e. the RSA work no validator can avoid;</item>
/// <item>ours without the token cache ("cold": the signing key is in memory, the token is new);</item>
/// <item>ours with the token cache (the token was seen before);</item>
/// <item>the peer: Microsoft.IdentityModel's <see cref="JsonWebTokenHandler.ValidateTokenAsync(string, TokenValidationParameters)"/>
/// with the equivalent checks (RS256 only, lifetime with 5 s skew, issuer).</item>
/// </list>
/// On a shared, loaded machine the minimum is the most faithful statistic (contention only ever adds time), so it is
/// shown beside the mean and median.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class TokenValidationBenchmarks
{
    private ClerkTestKey _key = null!;
    private RSA _rsa = null!;
    private string _token = "";
    private byte[] _signingInput = [];
    private byte[] _signature = [];
    private static readonly System.Buffers.SearchValues<char> CompactJwsChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    private StaticJwksProvider _keys = null!;
    private ClerkTokenValidator _cold = null!;
    private ClerkTokenValidator _cached = null!;
    private JsonWebTokenHandler _peer = null!;
    private TokenValidationParameters _peerParameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = ClerkTestKey.Generate("ins_2benchmarkKey000000000000");
        using var tokens = new ClerkTestTokens(_key);
        _token = tokens.Mint(new ClerkTestTokenDescriptor
        {
            Lifetime = TimeSpan.FromHours(2),
            Issuer = "https://clerk.example.com",
            AuthorizedParty = "https://app.example.com",
            FactorVerificationAge = new FactorVerificationAge(4, -1),
            Organization = new ClerkTestOrganization("org_2benchmarkOrg000000000000", "acme", "admin", ["org:invoices:read", "org:invoices:write"]),
            Features = ["u:dashboard"],
            Plans = ["u:pro"],
        });

        var parts = _token.Split('.');
        _signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        _signature = Base64Url.DecodeFromChars(parts[2]);
        _rsa = RSA.Create();
        _rsa.ImportFromPem(_key.PublicKeyPem);

        var options = new ClerkTokenValidationOptions { AuthorizedParties = { "https://app.example.com" }, Issuer = "https://clerk.example.com" };
        _keys = StaticJwksProvider.FromKeys(_key.SigningKey);
        _cold = new ClerkTokenValidator(_keys, options);
        _cached = new ClerkTokenValidator(StaticJwksProvider.FromKeys(_key.SigningKey), new ClerkTokenValidationOptions
        {
            AuthorizedParties = { "https://app.example.com" },
            Issuer = "https://clerk.example.com",
            EnableTokenCache = true,
        });

        _peer = new JsonWebTokenHandler();
        _peerParameters = new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(_rsa) { KeyId = _key.KeyId },
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidIssuer = "https://clerk.example.com",
            ValidateAudience = false,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(5),
        };

        if (!RawRsaVerify() || !OursCold().Result.IsValid || OursWithoutRsa().Token!.Subject != OursCold().Result.Token!.Subject || !OursCached().Result.IsValid || !PeerJsonWebTokenHandler().Result)
        {
            throw new InvalidOperationException("Every contender must accept the benchmark token.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rsa.Dispose();
        _key.Dispose();
    }

    [Benchmark(Baseline = true, Description = "RSA-2048 VerifyData (floor)")]
    public bool RawRsaVerify() => _rsa.VerifyData(_signingInput, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    [Benchmark(Description = "ClerkTokenValidator, cold")]
    public ValueTask<ClerkTokenValidationResult> OursCold() => _cold.ValidateAsync(_token);

    /// <summary>
    /// The validator's steps except the RSA operation, through the same internal readers it uses: decoding, header and
    /// payload parsing, key lookup, signing-input transcoding, result building. Cold validation ≈ floor + this, which
    /// stays measurable when machine load makes two separately measured ~100 µs means incomparable.
    /// </summary>
    [Benchmark(Description = "ClerkTokenValidator steps without RSA")]
    public ClerkTokenValidationResult OursWithoutRsa()
    {
        var chars = _token.AsSpan();
        var firstDot = chars.IndexOf('.');
        var secondDot = chars.LastIndexOf('.');
        if (chars.ContainsAnyExcept(CompactJwsChars))
        {
            throw new InvalidOperationException();
        }

        Span<byte> header = stackalloc byte[1536];
        Base64Url.DecodeFromChars(chars[..firstDot], header, out _, out var headerLength);
        Span<char> keyId = stackalloc char[JwsHeaderReader.MaxKeyIdLength];
        JwsHeaderReader.Read(header[..headerLength], keyId, out var keyIdLength);
        _keys.TryGetKey(keyId[..keyIdLength], out var key);
        Span<byte> signingInput = stackalloc byte[2048];
        var written = Encoding.ASCII.GetBytes(chars[..secondDot], signingInput);
        Span<byte> signature = stackalloc byte[1024];
        Base64Url.DecodeFromChars(chars[(secondDot + 1)..], signature, out _, out var signatureLength);
        GC.KeepAlive(signingInput[..written].Length + signatureLength);
        var payloadChars = chars[(firstDot + 1)..secondDot];
        var payload = new byte[Base64Url.GetMaxDecodedLength(payloadChars.Length)];
        Base64Url.DecodeFromChars(payloadChars, payload, out _, out _);
        SessionClaimsReader.Read(payload, out var claims);
        return ClerkTokenValidationResult.Success(new ClerkJwt(key!, payload, in claims));
    }

    [Benchmark(Description = "ClerkTokenValidator, token cache")]
    public ValueTask<ClerkTokenValidationResult> OursCached() => _cached.ValidateAsync(_token);

    [Benchmark(Description = "JsonWebTokenHandler.ValidateTokenAsync (peer)")]
    public async Task<bool> PeerJsonWebTokenHandler() => (await _peer.ValidateTokenAsync(_token, _peerParameters)).IsValid;
}
